package siyu.wecom.simulator;

import java.util.List;

/** A 联系我 configuration made through the API by one app ({@code agentId}). */
final class ContactWay {

    final String configId;
    final String agentId;
    final int type;
    final int scene;
    final long createTime;
    int style;
    String remark;
    boolean skipVerify;
    String state;
    List<String> users;
    List<Long> parties;
    boolean temp;
    int expiresIn;
    int chatExpiresIn;
    String unionid;
    boolean exclusive;
    boolean markSource;

    ContactWay(String configId, String agentId, int type, int scene, long createTime) {
        this.configId = configId;
        this.agentId = agentId;
        this.type = type;
        this.scene = scene;
        this.createTime = createTime;
        this.remark = "";
        this.state = "";
        this.users = List.of();
        this.parties = List.of();
        this.unionid = "";
    }

    /** What the QR code holds: a URL of WeCom's own 联系我 form. */
    String qrContent() {
        return "https://work.weixin.qq.com/ca/cawcde" + configId;
    }
}
