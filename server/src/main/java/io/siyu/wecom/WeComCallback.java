package io.siyu.wecom;

import java.time.Instant;
import java.util.Map;

/**
 * A callback as stored: what it is ({@code change_external_contact:add_external_contact}, {@code msg:text},
 * ...) and its decrypted fields by name.
 */
public record WeComCallback(long id, long appId, String kind, Map<String, String> fields, Instant receivedAt) {

    public WeComCallback {
        fields = Map.copyOf(fields);
    }

    /** A field the callback cannot be processed without; its absence is {@link Malformed}, never retried. */
    String required(String name) {
        var value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new Malformed("callback " + id + " (" + kind + ") without " + name);
        }
        return value;
    }

    /**
     * A callback that can never be processed (a required field missing or unreadable): marked failed at once
     * instead of being tried again.
     */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** The kind of a decrypted callback: the event with its change type, or the message type. */
    static String kindOf(Map<String, String> fields) {
        var event = fields.get("Event");
        if (event != null && !event.isBlank()) {
            var change = fields.get("ChangeType");
            return change == null || change.isBlank() ? event : event + ":" + change;
        }
        var infoType = fields.get("InfoType");
        if (infoType != null && !infoType.isBlank()) {
            return "info:" + infoType;
        }
        return "msg:" + fields.getOrDefault("MsgType", "unknown");
    }
}
