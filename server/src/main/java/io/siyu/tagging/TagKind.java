package io.siyu.tagging;

import java.util.Arrays;
import java.util.Optional;

/** Seed 001's kinds of tag group: what a group's tags describe. */
public enum TagKind {
    /** 跟进状态: where a staff member is with the customer. */
    FOLLOW_UP("follow_up", "followUp", "跟进状态"),
    /** 来源: where the customer came from. */
    SOURCE("source", "source", "来源"),
    /** 属性: who the customer is. */
    ATTRIBUTE("attribute", "attribute", "属性"),
    /** 产品: what the customer buys or wants. */
    PRODUCT("product", "product", "产品"),
    /** 内容: what the customer reads and watches. */
    CONTENT("content", "content", "内容"),
    /** 活动: which campaigns the customer took part in. */
    CAMPAIGN("campaign", "campaign", "活动");

    private final String code;
    private final String json;
    private final String chineseName;

    TagKind(String code, String json, String chineseName) {
        this.code = code;
        this.json = json;
        this.chineseName = chineseName;
    }

    /** The value stored in the database. */
    public String code() {
        return code;
    }

    /** The value in the API. */
    public String json() {
        return json;
    }

    public static Optional<TagKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static Optional<TagKind> parse(String json) {
        return Arrays.stream(values()).filter(k -> k.json.equals(json)).findFirst();
    }

    /** The kind a group of this name (seed 001's Chinese names) is. */
    public static Optional<TagKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.chineseName.equals(name)).findFirst();
    }
}
