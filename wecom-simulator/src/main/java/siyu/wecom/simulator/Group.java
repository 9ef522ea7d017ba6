package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer group (客户群). Status is groupchat/list's: 0 normal, 1 owner resigned, 2 being handed over,
 * 3 handed over. At most {@link #CAPACITY} members; every change of members gives a new member_version.
 */
final class Group {

    static final int CAPACITY = 200;

    /** A member: type 1 staff, 2 external contact; join_scene 1 invited, 2 by link, 3 by the group QR code. */
    record Member(
            String id,
            int type,
            @Nullable String unionid,
            long joinTime,
            int joinScene,
            @Nullable String invitor,
            String name,
            @Nullable String state) {}

    final String chatId;
    String name;
    String owner;
    final long createTime;
    String notice = "";
    int status;
    final List<Member> members = new ArrayList<>();
    final List<String> admins = new ArrayList<>();
    String memberVersion = Ids.version();

    Group(String chatId, String name, String owner, long createTime) {
        this.chatId = chatId;
        this.name = name;
        this.owner = owner;
        this.createTime = createTime;
    }

    boolean full() {
        return members.size() >= CAPACITY;
    }

    Optional<Member> member(String id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
