package siyu.wecom.simulator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A department of the corp's directory; the root has id 1 and parent 0. */
record Department(long id, String name, @Nullable String nameEn, long parentId, long order, List<String> leaders) {}
