package io.siyu.wecom;

import org.springframework.stereotype.Component;

/**
 * change_external_tag (a corporate tag or group created, renamed, deleted or reordered in WeCom's admin
 * console): the tag list is pulled again in full, which WeCom itself advises for reorders and which makes
 * every kind of change the same simple case.
 */
@Component
class TagCallbacks implements CallbackHandler {

    private final CorpTags corpTags;

    TagCallbacks(CorpTags corpTags) {
        this.corpTags = corpTags;
    }

    @Override
    public boolean handles(String kind) {
        return kind.startsWith("change_external_tag");
    }

    @Override
    public void handle(WeComApp app, WeComCallback callback) {
        corpTags.pull(app);
    }
}
