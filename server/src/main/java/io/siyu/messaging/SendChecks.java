package io.siyu.messaging;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.wecom.WeComAppManagement;
import io.siyu.wecom.WeComDirectory;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The checks every kind of send shares: the app it goes through, its name, the staff members it names. */
@Component
class SendChecks {

    static final int MAX_NAME = 30;

    private final WeComAppManagement apps;
    private final WeComDirectory directory;

    SendChecks(WeComAppManagement apps, WeComDirectory directory) {
        this.apps = apps;
        this.directory = directory;
    }

    /** The app's id if the tenant has it connected; otherwise a problem at {@code field}. */
    @Nullable
    Long app(@Nullable Long appId, String field, List<FieldProblem> problems) {
        if (appId == null) {
            problems.add(new FieldProblem(field, "problem.field.required"));
            return null;
        }
        try {
            return apps.app(appId).id();
        } catch (DomainException e) {
            problems.add(new FieldProblem(field, "messaging.app.unknown", String.valueOf(appId)));
            return null;
        }
    }

    /** The name stripped; a problem when it is empty or longer than {@link #MAX_NAME} characters. */
    String name(@Nullable String name, List<FieldProblem> problems) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", "messaging.name", MAX_NAME));
        }
        return stripped;
    }

    /** Each staff member the app's directory does not know, named by index under {@code field}. */
    void staff(@Nullable Long appId, List<String> staff, String field, List<FieldProblem> problems) {
        if (appId == null || staff.isEmpty()) {
            return;
        }
        var known = new HashSet<String>();
        directory.staff(appId).forEach(s -> known.add(s.userId()));
        for (int i = 0; i < staff.size(); i++) {
            if (!known.contains(staff.get(i))) {
                problems.add(new FieldProblem(field + "[" + i + "]", "messaging.staff.unknown", staff.get(i)));
            }
        }
    }
}
