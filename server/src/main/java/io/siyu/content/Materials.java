package io.siyu.content;

import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The material library: materials in groups, found by kind, group and words. */
@Service
public class Materials {

    /** Groups with how many materials each holds, and the materials in none. */
    public record Groups(List<Group> groups, long ungrouped, long total) {}

    public record Group(long id, String name, long count) {}

    static final int MAX_GROUP_NAME = 30;

    private static final String SELECT = "select m.id, m.kind, m.title, m.description, m.group_id, m.tags, m.url,"
            + " m.body, m.app_id, m.page, m.uses, m.created_at, m.updated_at,"
            + " f.id, f.name, f.size, f.content_type, f.width, f.height,"
            + " c.id, c.name, c.size, c.content_type, c.width, c.height"
            + " from material m left join material_file f on f.id = m.file_id left join material_file c on c.id = m.cover_id";

    private final JdbcClient jdbc;
    private final MaterialFiles files;

    Materials(JdbcClient jdbc, MaterialFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Newest first; {@code groupId} 0 is the materials in no group; {@code q} matches title and description. */
    @Transactional(readOnly = true)
    public CursorPage<Material> list(
            @Nullable String kind, @Nullable Long groupId, @Nullable String q, PageRequest page) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        filter(kind, groupId, q, where, params);
        where.add("m.id < ?");
        params.add(page.before());
        var rows = jdbc.sql(SELECT + " where " + String.join(" and ", where) + " order by m.id desc limit "
                        + page.fetchSize())
                .params(params)
                .query(Materials::material)
                .list();
        var items = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        return new CursorPage<>(
                items,
                rows.size() > page.limit() ? PageRequest.encode(items.getLast().id()) : null);
    }

    /** How many materials of each kind match the group and words (every kind named, zero included). */
    @Transactional(readOnly = true)
    public Map<String, Long> kinds(@Nullable Long groupId, @Nullable String q) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        filter(null, groupId, q, where, params);
        var counts = new LinkedHashMap<String, Long>();
        Material.KINDS.forEach(k -> counts.put(k, 0L));
        jdbc.sql("select m.kind, count(*) from material m"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " group by m.kind")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static void filter(
            @Nullable String kind,
            @Nullable Long groupId,
            @Nullable String q,
            List<String> where,
            List<Object> params) {
        if (kind != null && !kind.isBlank()) {
            if (!Material.KINDS.contains(kind)) {
                throw DomainException.invalid("kind", "content.kind", String.join(", ", Material.KINDS));
            }
            where.add("m.kind = ?");
            params.add(kind);
        }
        if (groupId != null) {
            where.add(groupId == 0 ? "m.group_id is null" : "m.group_id = ?");
            if (groupId != 0) {
                params.add(groupId);
            }
        }
        if (q != null && !q.isBlank()) {
            where.add("(m.title ilike ? escape '\\' or m.description ilike ? escape '\\' or ? = any(m.tags))");
            var like = like(q);
            params.add(like);
            params.add(like);
            params.add(q.strip());
        }
    }

    /** {@code %words%} with the LIKE wildcards in the words taken literally. */
    static String like(String q) {
        return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Transactional(readOnly = true)
    public Material get(long id) {
        return jdbc.sql(SELECT + " where m.id = ?")
                .param(id)
                .query(Materials::material)
                .optional()
                .orElseThrow(() -> DomainException.notFound("material", id));
    }

    /** These materials by id (those that exist), for the scripts and messages that refer to them. */
    @Transactional(readOnly = true)
    public Map<Long, Material> byIds(List<Long> ids) {
        var byId = new HashMap<Long, Material>();
        if (!ids.isEmpty()) {
            jdbc.sql(SELECT + " where m.id = any(?::bigint[])")
                    .param(ids.toArray(Long[]::new))
                    .query(Materials::material)
                    .list()
                    .forEach(m -> byId.put(m.id(), m));
        }
        return byId;
    }

    @Transactional
    public Material create(MaterialInput input) {
        var v = validate(input, null);
        long id = jdbc.sql("""
                        insert into material (kind, title, description, group_id, tags, url, body, app_id, page,
                                              file_id, cover_id)
                        values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?) returning id""").params(v.withFirst(v.kind)).query(Long.class).single();
        return get(id);
    }

    @Transactional
    public Material update(long id, MaterialInput input) {
        var before = get(id);
        var v = validate(input, before);
        jdbc.sql("""
                        update material set title = ?, description = ?, group_id = ?, tags = ?::text[], url = ?, body = ?,
                                            app_id = ?, page = ?, file_id = ?, cover_id = ?, updated_at = now()
                        where id = ?""").params(v.withLast(id)).update();
        dropUnused(before.file(), before.cover());
        return get(id);
    }

    /** Deletes the material (scripts lose it as an attachment) and its files when nothing else uses them. */
    @Transactional
    public void delete(long id) {
        var material = get(id);
        jdbc.sql("delete from material where id = ?").param(id).update();
        dropUnused(material.file(), material.cover());
    }

    /** Someone sent or copied the material. */
    @Transactional
    public void used(long id) {
        if (jdbc.sql("update material set uses = uses + 1 where id = ?")
                        .param(id)
                        .update()
                == 0) {
            throw DomainException.notFound("material", id);
        }
    }

    private void dropUnused(@Nullable FileInfo... gone) {
        for (var file : gone) {
            if (file != null) {
                jdbc.sql("delete from material_file f where id = ? and not exists"
                                + " (select 1 from material m where m.file_id = f.id or m.cover_id = f.id)")
                        .param(file.id())
                        .update();
            }
        }
    }

    // ---- validation

    private record Values(
            String kind,
            String title,
            @Nullable String description,
            @Nullable Long groupId,
            String[] tags,
            @Nullable String url,
            @Nullable String body,
            @Nullable String appId,
            @Nullable String page,
            @Nullable Long fileId,
            @Nullable Long coverId) {

        /** The columns create and update write, in the order their statements name them. */
        private List<@Nullable Object> columns() {
            return java.util.Arrays.asList(title, description, groupId, tags, url, body, appId, page, fileId, coverId);
        }

        List<@Nullable Object> withFirst(Object first) {
            var all = new ArrayList<@Nullable Object>(columns());
            all.addFirst(first);
            return all;
        }

        List<@Nullable Object> withLast(Object last) {
            var all = new ArrayList<@Nullable Object>(columns());
            all.add(last);
            return all;
        }
    }

    /** The input over what is there ({@code before}, null on create), checked as a whole, every problem named. */
    private Values validate(MaterialInput in, @Nullable Material before) {
        var problems = new ArrayList<FieldProblem>();
        String kind;
        if (before == null) {
            kind = in.kind() == null ? "" : in.kind();
            if (!Material.KINDS.contains(kind)) {
                problems.add(new FieldProblem("kind", "content.kind", String.join(", ", Material.KINDS)));
            }
        } else {
            kind = before.kind();
            if (in.kind() != null && !in.kind().equals(kind)) {
                problems.add(new FieldProblem("kind", "content.kind.fixed", kind));
            }
        }
        Long fileId = pick(
                in,
                before,
                "file",
                MaterialInput::fileId,
                m -> m.file() == null ? null : m.file().id());
        Long coverId = pick(
                in,
                before,
                "cover",
                MaterialInput::coverId,
                m -> m.cover() == null ? null : m.cover().id());
        var file = fileId == null ? null : files.find(fileId).orElse(null);
        if (fileId != null && file == null) {
            problems.add(new FieldProblem("fileId", "content.file.unknown", String.valueOf(fileId)));
        }
        var cover = coverId == null ? null : files.find(coverId).orElse(null);
        if (coverId != null && (cover == null || !cover.image())) {
            problems.add(new FieldProblem("coverId", "content.cover", String.valueOf(coverId)));
        }
        var rawTitle = pick(in, before, "title", MaterialInput::title, Material::title);
        if ((rawTitle == null || rawTitle.isBlank()) && file != null) {
            rawTitle = file.name();
        }
        var title = MaterialInput.title("title", rawTitle, MaterialInput.MAX_TITLE, problems);
        var description =
                blankToNull(pick(in, before, "description", MaterialInput::description, Material::description));
        if (description != null
                && description.codePointCount(0, description.length()) > MaterialInput.MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "content.description", MaterialInput.MAX_DESCRIPTION));
        }
        var groupId = pick(in, before, "group", MaterialInput::groupId, Material::groupId);
        if (groupId != null && groupId == 0) {
            groupId = null;
        }
        if (groupId != null
                && jdbc.sql("select count(*) from material_group where id = ?")
                                .param(groupId)
                                .query(Long.class)
                                .single()
                        == 0) {
            problems.add(new FieldProblem("groupId", "content.group.unknown", String.valueOf(groupId)));
        }
        var tags = MaterialInput.words(
                "tags",
                pick(in, before, "tags", MaterialInput::tags, Material::tags),
                MaterialInput.MAX_TAGS,
                problems);
        var url = MaterialInput.url(pick(in, before, "url", MaterialInput::url, Material::url), problems);
        var body = blankToNull(pick(in, before, "body", MaterialInput::body, Material::body));
        if (body != null && body.length() > MaterialInput.MAX_BODY) {
            problems.add(new FieldProblem("body", "content.body", MaterialInput.MAX_BODY));
        }
        var appId = blankToNull(pick(in, before, "appId", MaterialInput::appId, Material::appId));
        var page = blankToNull(pick(in, before, "page", MaterialInput::page, Material::page));
        switch (kind) {
            case "article" -> {
                if (body == null
                        && url == null
                        && !problems.stream().anyMatch(p -> p.field().equals("url"))) {
                    problems.add(new FieldProblem("body", "content.article.empty"));
                }
            }
            case "link" -> {
                if (url == null && problems.stream().noneMatch(p -> p.field().equals("url"))) {
                    problems.add(new FieldProblem("url", "content.url", MaterialInput.MAX_URL));
                }
            }
            case "miniprogram" -> {
                if (appId == null || !MaterialInput.APP_ID.matcher(appId).matches()) {
                    problems.add(new FieldProblem("appId", "content.miniprogram.app-id"));
                }
                if (page == null || page.length() > MaterialInput.MAX_PAGE) {
                    problems.add(new FieldProblem("page", "content.miniprogram.page", MaterialInput.MAX_PAGE));
                }
                if (coverId == null) {
                    problems.add(new FieldProblem("coverId", "content.miniprogram.cover"));
                }
            }
            case "image", "poster" -> requireFile(fileId, file, f -> f.image(), "content.file.image", problems);
            case "video" ->
                requireFile(fileId, file, f -> f.contentType().equals("video/mp4"), "content.file.video", problems);
            case "file" -> requireFile(fileId, file, f -> true, "content.file.required", problems);
            default -> {
                // an unknown kind is reported above
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return new Values(
                kind,
                Objects.requireNonNull(title),
                description,
                groupId,
                tags.toArray(String[]::new),
                url,
                body,
                appId,
                page,
                fileId,
                coverId);
    }

    private static void requireFile(
            @Nullable Long fileId,
            @Nullable FileInfo file,
            java.util.function.Predicate<FileInfo> fits,
            String code,
            List<FieldProblem> problems) {
        if (fileId == null || (file != null && !fits.test(file))) {
            problems.add(new FieldProblem("fileId", code));
        }
    }

    /** The input's value, else (on update, unless cleared) what the material has. */
    private static <T> @Nullable T pick(
            MaterialInput in,
            @Nullable Material before,
            String field,
            Function<MaterialInput, @Nullable T> given,
            Function<Material, @Nullable T> had) {
        var value = given.apply(in);
        if (value != null) {
            return value;
        }
        return before == null || in.clears(field) ? null : had.apply(before);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---- groups

    @Transactional(readOnly = true)
    public Groups groups() {
        var groups = jdbc.sql("select g.id, g.name, (select count(*) from material m where m.group_id = g.id)"
                        + " from material_group g order by g.name")
                .query((rs, n) -> new Group(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
        var counts = jdbc.sql("select count(*) filter (where group_id is null), count(*) from material")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Groups(groups, counts[0], counts[1]);
    }

    @Transactional
    public Group createGroup(@Nullable String name) {
        var checked = groupName(name);
        try {
            long id = jdbc.sql("insert into material_group (name) values (?) returning id")
                    .param(checked)
                    .query(Long.class)
                    .single();
            return new Group(id, checked, 0);
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "content.group.name-taken", checked);
        }
    }

    @Transactional
    public Group renameGroup(long id, @Nullable String name) {
        var checked = groupName(name);
        try {
            if (jdbc.sql("update material_group set name = ? where id = ?")
                            .params(checked, id)
                            .update()
                    == 0) {
                throw DomainException.notFound("material-group", id);
            }
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "content.group.name-taken", checked);
        }
        return groups().groups().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    /** Deletes the group; its materials stay, in no group. */
    @Transactional
    public void deleteGroup(long id) {
        if (jdbc.sql("delete from material_group where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("material-group", id);
        }
    }

    static String groupName(@Nullable String name) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_GROUP_NAME) {
            throw DomainException.invalid("name", "content.group.name", MAX_GROUP_NAME);
        }
        return stripped;
    }

    static Material material(ResultSet rs, int row) throws SQLException {
        return new Material(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Long.class),
                Arrays.asList((String[]) rs.getArray(6).getArray()),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                file(rs, 14),
                file(rs, 20),
                rs.getInt(11),
                rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13).toInstant());
    }

    private static @Nullable FileInfo file(ResultSet rs, int at) throws SQLException {
        return rs.getObject(at, Long.class) == null ? null : MaterialFiles.info(rs, at);
    }
}
