package io.siyu.wecom;

import java.util.List;

/**
 * Which groups a group live code's join way names: the next at most five of the code's groups (in order)
 * below the threshold, so that WeCom, which moves on only at 200, never gets there. When every group is at
 * the threshold the code is full: the way keeps the groups that still have room under WeCom's cap (or the
 * last one, where WeCom makes a new room when it may), and the fallback code is shown instead.
 */
final class GroupRotation {

    /** A group of the code as Siyu last saw it. */
    record Load(String chatId, int members, boolean dismissed) {}

    /** The join way's chat_id_list, and whether every group is at the threshold. */
    record Decision(List<String> chatIds, boolean full) {}

    private GroupRotation() {}

    static Decision decide(List<Load> groups, int threshold, List<String> current) {
        var open = groups.stream().filter(g -> !g.dismissed()).toList();
        var below = open.stream()
                .filter(g -> g.members() < threshold)
                .limit(GroupCode.WAY_GROUPS)
                .map(Load::chatId)
                .toList();
        if (!below.isEmpty()) {
            return new Decision(below, false);
        }
        var roomy = open.stream()
                .filter(g -> g.members() < GroupCode.CAPACITY)
                .limit(GroupCode.WAY_GROUPS)
                .map(Load::chatId)
                .toList();
        if (!roomy.isEmpty()) {
            return new Decision(roomy, true);
        }
        if (!open.isEmpty()) {
            return new Decision(List.of(open.getLast().chatId()), true);
        }
        return new Decision(current, true);
    }
}
