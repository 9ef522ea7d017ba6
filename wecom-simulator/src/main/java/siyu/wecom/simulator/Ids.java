package siyu.wecom.simulator;

import io.siyu.wecom.protocol.RandomText;

/**
 * Every random thing the simulator makes: tokens, WeCom-looking ids ({@code wm…} customers, {@code et…} tags,
 * {@code wr…} groups, 32-hex config ids) and the pick of a staff member from a multi-person 联系我 code.
 */
final class Ids {

    private static final String TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private Ids() {}

    /** Opaque text for tokens, nonces and hints. */
    static String token(int length) {
        return pick(TOKEN, length);
    }

    /** An external_userid: {@code wm} and 26 letters or digits, as WeCom's look for WeChat customers. */
    static String externalUserId() {
        return "wm" + pick(ALNUM, 26);
    }

    /** Tag and tag-group ids both start with {@code et}. */
    static String tagId() {
        return "et" + pick(ALNUM, 22);
    }

    static String chatId() {
        return "wr" + pick(ALNUM, 30);
    }

    /** config_id of a 联系我 or 加入群聊 way. */
    static String configId() {
        return pick(HEX, 32);
    }

    /** A group's member_version. */
    static String version() {
        return pick(HEX, 32);
    }

    static String welcomeCode() {
        return pick(ALNUM, 43);
    }

    static String msgId() {
        return pick(ALNUM, 28);
    }

    /** A media_id: 3 and 50-odd letters, digits, - and _, as WeCom's look. */
    static String mediaId() {
        return "3" + pick(TOKEN, 55);
    }

    /** A 企业群发 msgid: {@code msg} and 25 letters or digits. */
    static String massMsgId() {
        return "msg" + pick(ALNUM, 25);
    }

    /** A 客户朋友圈 moment_id ({@code mom…}) or its creation job id. */
    static String momentId() {
        return "mom" + pick(ALNUM, 25);
    }

    static String jobId() {
        return pick(ALNUM, 32);
    }

    static int below(int bound) {
        return RandomText.below(bound);
    }

    private static String pick(String alphabet, int length) {
        return RandomText.of(alphabet, length);
    }
}
