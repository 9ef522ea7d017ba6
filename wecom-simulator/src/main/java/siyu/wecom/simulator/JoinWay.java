package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;

/** A 加入群聊 way made through the API by one app ({@code agentId}). */
final class JoinWay {

    final String configId;
    final String agentId;
    int scene;
    String remark = "";
    boolean autoCreateRoom = true;
    String roomBaseName = "";
    int roomBaseId;
    List<String> chatIds = new ArrayList<>();
    String state = "";
    boolean markSource;

    JoinWay(String configId, String agentId) {
        this.configId = configId;
        this.agentId = agentId;
    }

    /** What the QR code holds: a URL of WeCom's group-join form. */
    String qrContent() {
        return "https://work.weixin.qq.com/gm/" + configId;
    }
}
