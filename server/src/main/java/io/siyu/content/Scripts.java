package io.siyu.content;

import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The script library (话术库): scripts in ordered groups, found by title, content and keyword. */
@Service
public class Scripts {

    public record Group(long id, String name, int position, long count) {}

    /** On update absent fields stay; {@code materialIds} and {@code keywords}, when given, replace the old. */
    public record Input(
            @Nullable Long groupId,
            @Nullable String title,
            @Nullable String content,
            @Nullable List<String> keywords,
            @Nullable List<Long> materialIds) {}

    static final int MAX_TITLE = 64;
    static final int MAX_CONTENT = 2_000;
    static final int MAX_KEYWORDS = 10;
    /** WeCom sends at most 9 attachments with a message. */
    static final int MAX_MATERIALS = 9;

    private record Row(
            long id,
            long groupId,
            String title,
            String content,
            List<String> keywords,
            int uses,
            Instant createdAt,
            Instant updatedAt) {}

    private static final String SELECT =
            "select id, group_id, title, content, keywords, uses, created_at, updated_at from script";

    private final JdbcClient jdbc;
    private final Materials materials;

    Scripts(JdbcClient jdbc, Materials materials) {
        this.jdbc = jdbc;
        this.materials = materials;
    }

    /** Newest first; {@code q} matches the title, the content or a keyword. */
    @Transactional(readOnly = true)
    public CursorPage<Script> list(@Nullable Long groupId, @Nullable String q, PageRequest page) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (groupId != null) {
            where.add("group_id = ?");
            params.add(groupId);
        }
        if (q != null && !q.isBlank()) {
            where.add("(title ilike ? escape '\\' or content ilike ? escape '\\'"
                    + " or exists (select 1 from unnest(keywords) k where k ilike ? escape '\\'))");
            var like = Materials.like(q);
            params.add(like);
            params.add(like);
            params.add(like);
        }
        where.add("id < ?");
        params.add(page.before());
        var rows = jdbc.sql(SELECT + " where " + String.join(" and ", where) + " order by id desc limit "
                        + page.fetchSize())
                .params(params)
                .query(Scripts::row)
                .list();
        var items = with(rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows);
        return new CursorPage<>(
                items,
                rows.size() > page.limit() ? PageRequest.encode(items.getLast().id()) : null);
    }

    @Transactional(readOnly = true)
    public Script get(long id) {
        return with(List.of(row(id))).getFirst();
    }

    @Transactional
    public Script create(Input input) {
        var problems = new ArrayList<FieldProblem>();
        var groupId = group(input.groupId(), problems);
        var title = MaterialInput.title("title", input.title(), MAX_TITLE, problems);
        var content = content(input.content(), problems);
        var keywords = MaterialInput.words("keywords", input.keywords(), MAX_KEYWORDS, problems);
        var attached = attachments(input.materialIds(), problems);
        refuse(problems);
        long id = jdbc.sql("insert into script (group_id, title, content, keywords) values (?, ?, ?, ?::text[])"
                        + " returning id")
                .params(groupId, title, content, keywords.toArray(String[]::new))
                .query(Long.class)
                .single();
        attach(id, attached);
        return get(id);
    }

    @Transactional
    public Script update(long id, Input input) {
        var before = row(id);
        var problems = new ArrayList<FieldProblem>();
        var groupId = input.groupId() == null ? (Long) before.groupId() : group(input.groupId(), problems);
        var title = input.title() == null
                ? before.title()
                : MaterialInput.title("title", input.title(), MAX_TITLE, problems);
        var content = input.content() == null ? before.content() : content(input.content(), problems);
        var keywords = input.keywords() == null
                ? before.keywords()
                : MaterialInput.words("keywords", input.keywords(), MAX_KEYWORDS, problems);
        var attached = input.materialIds() == null ? null : attachments(input.materialIds(), problems);
        refuse(problems);
        jdbc.sql("update script set group_id = ?, title = ?, content = ?, keywords = ?::text[], updated_at = now()"
                        + " where id = ?")
                .params(groupId, title, content, keywords.toArray(String[]::new), id)
                .update();
        if (attached != null) {
            jdbc.sql("delete from script_material where script_id = ?")
                    .param(id)
                    .update();
            attach(id, attached);
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from script where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("script", id);
        }
    }

    /** A staff member copied or sent the script. */
    @Transactional
    public void used(long id) {
        if (jdbc.sql("update script set uses = uses + 1 where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("script", id);
        }
    }

    private Row row(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(Scripts::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("script", id));
    }

    /** The scripts with their materials, read in two queries for the whole page. */
    private List<Script> with(List<Row> rows) {
        var byScript = new HashMap<Long, List<Long>>();
        if (!rows.isEmpty()) {
            jdbc.sql("select script_id, material_id from script_material where script_id = any(?::bigint[])"
                            + " order by script_id, position")
                    .param(rows.stream().map(Row::id).toArray(Long[]::new))
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list()
                    .forEach(p -> byScript.computeIfAbsent(p[0], k -> new ArrayList<>())
                            .add(p[1]));
        }
        var found = materials.byIds(
                byScript.values().stream().flatMap(List::stream).distinct().toList());
        return rows.stream()
                .map(r -> new Script(
                        r.id(),
                        r.groupId(),
                        r.title(),
                        r.content(),
                        r.keywords(),
                        byScript.getOrDefault(r.id(), List.of()).stream()
                                .map(found::get)
                                .filter(Objects::nonNull)
                                .toList(),
                        r.uses(),
                        r.createdAt(),
                        r.updatedAt()))
                .toList();
    }

    private @Nullable Long group(@Nullable Long groupId, List<FieldProblem> problems) {
        if (groupId == null) {
            problems.add(new FieldProblem("groupId", "content.script.group"));
            return null;
        }
        if (jdbc.sql("select count(*) from script_group where id = ?")
                        .param(groupId)
                        .query(Long.class)
                        .single()
                == 0) {
            problems.add(new FieldProblem("groupId", "content.group.unknown", String.valueOf(groupId)));
            return null;
        }
        return groupId;
    }

    private static @Nullable String content(@Nullable String content, List<FieldProblem> problems) {
        var stripped = content == null ? "" : content.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_CONTENT) {
            problems.add(new FieldProblem("content", "content.script.content", MAX_CONTENT));
            return null;
        }
        return stripped;
    }

    private List<Long> attachments(@Nullable List<Long> ids, List<FieldProblem> problems) {
        var distinct = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.<Long>of() : ids));
        if (distinct.size() > MAX_MATERIALS) {
            problems.add(new FieldProblem("materialIds", "content.script.materials", MAX_MATERIALS));
        }
        var known = materials.byIds(distinct.stream().filter(Objects::nonNull).toList());
        for (int i = 0; i < distinct.size(); i++) {
            if (distinct.get(i) == null || !known.containsKey(distinct.get(i))) {
                problems.add(new FieldProblem(
                        "materialIds[" + i + "]", "content.material.unknown", String.valueOf(distinct.get(i))));
            }
        }
        return distinct;
    }

    private void attach(long script, List<Long> materialIds) {
        for (int i = 0; i < materialIds.size(); i++) {
            jdbc.sql("insert into script_material (script_id, position, material_id) values (?, ?, ?)")
                    .params(script, i, materialIds.get(i))
                    .update();
        }
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
    }

    // ---- groups

    @Transactional(readOnly = true)
    public List<Group> groups() {
        return jdbc.sql("select g.id, g.name, g.position, (select count(*) from script s where s.group_id = g.id)"
                        + " from script_group g order by g.position, g.id")
                .query((rs, n) -> new Group(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list();
    }

    @Transactional
    public Group createGroup(@Nullable String name) {
        var checked = Materials.groupName(name);
        try {
            long id = jdbc.sql("insert into script_group (name, position)"
                            + " values (?, (select coalesce(max(position) + 1, 0) from script_group)) returning id")
                    .param(checked)
                    .query(Long.class)
                    .single();
            return group(id);
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "content.group.name-taken", checked);
        }
    }

    /** Renames the group and/or moves it to {@code position} (0 first) among the groups. */
    @Transactional
    public Group updateGroup(long id, @Nullable String name, @Nullable Integer position) {
        group(id);
        if (name != null) {
            var checked = Materials.groupName(name);
            try {
                jdbc.sql("update script_group set name = ? where id = ?")
                        .params(checked, id)
                        .update();
            } catch (DuplicateKeyException e) {
                throw new DomainException(HttpStatus.CONFLICT, "content.group.name-taken", checked);
            }
        }
        if (position != null) {
            var order = new ArrayList<>(groups().stream().map(Group::id).toList());
            if (position < 0 || position >= order.size()) {
                throw DomainException.invalid("position", "content.group.position", order.size() - 1);
            }
            order.remove(Long.valueOf(id));
            order.add(position, id);
            for (int i = 0; i < order.size(); i++) {
                jdbc.sql("update script_group set position = ? where id = ?")
                        .params(i, order.get(i))
                        .update();
            }
        }
        return group(id);
    }

    @Transactional
    public void deleteGroup(long id) {
        var group = group(id);
        if (group.count() > 0) {
            throw new DomainException(HttpStatus.CONFLICT, "content.group.not-empty", group.count());
        }
        jdbc.sql("delete from script_group where id = ?").param(id).update();
    }

    private Group group(long id) {
        return groups().stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("script-group", id));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Arrays.asList((String[]) rs.getArray(5).getArray()),
                rs.getInt(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant());
    }
}
