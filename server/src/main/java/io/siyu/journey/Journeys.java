package io.siyu.journey;

import io.siyu.access.Actor;
import io.siyu.access.Permission;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys as operators manage them: drafts edited freely, published as versions after every check passes,
 * paused, resumed and stopped.
 */
@Service
public class Journeys {

    static final int MAX_NAME = 60;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_DEFINITION_BYTES = 256 * 1024;

    /** A journey as the API shows it; {@code definition} is the draft. */
    public record Journey(
            long id,
            String name,
            String description,
            String status,
            @Nullable Integer version,
            JsonNode definition,
            boolean changed,
            List<VersionInfo> versions,
            Summary summary,
            @Nullable String createdBy,
            Instant createdAt,
            Instant updatedAt,
            @Nullable String webhookSecret) {}

    public record VersionInfo(
            int version, Instant publishedAt, @Nullable String publishedBy) {}

    public record Summary(long entered, long active, long converted) {}

    /** What a client writes: a name, and a definition or the key of a template to start from. */
    public record Input(
            @Nullable String name,
            @Nullable String description,
            @Nullable JsonNode definition,
            @Nullable String template) {}

    public record TemplateView(String key, String name, String description, JsonNode definition) {}

    private static final String SELECT = """
            select id, name, description, status, version, definition::text, created_by, created_at, updated_at,
                   webhook_secret,
                   definition is distinct from (select v.definition from journey_version v
                                                where v.journey_id = journey.id and v.version = journey.version)
            from journey""";

    private final JdbcClient jdbc;
    private final JourneyChecks checks;
    private final JourneyStore store;
    private final JourneyTemplates templates;
    private final JourneyRunner runner;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    Journeys(
            JdbcClient jdbc,
            JourneyChecks checks,
            JourneyStore store,
            JourneyTemplates templates,
            JourneyRunner runner,
            Clock clock) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.store = store;
        this.templates = templates;
        this.runner = runner;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CursorPage<Journey> list(PageRequest page) {
        var rows = jdbc.sql(SELECT + " where id < ? order by id desc limit " + page.fetchSize())
                .param(page.before())
                .query(this::row)
                .list();
        return CursorPage.ofDescending(complete(rows), page.limit(), Journey::id);
    }

    @Transactional(readOnly = true)
    public Journey get(long id) {
        var row = jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("journey", id));
        return complete(List.of(row)).getFirst();
    }

    @Transactional
    public Journey create(Input input) {
        var problems = new ArrayList<FieldProblem>();
        JsonNode definition = input.definition();
        var name = input.name() == null ? "" : input.name().strip();
        if (input.template() != null) {
            var template = templates.find(input.template());
            if (template == null) {
                problems.add(new FieldProblem("template", "journey.template.unknown", input.template()));
            } else {
                definition = template.definition();
                name = name.isEmpty() ? template.name() : name;
            }
        }
        if (definition == null) {
            definition = json.createObjectNode().put("entry", "once").set("steps", json.createArrayNode());
        }
        check(name, input.description(), definition, problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long id = jdbc.sql("""
                        insert into journey (name, description, definition, webhook_secret, created_by)
                        values (?, ?, ?::jsonb, ?, ?) returning id""")
                .params(
                        name,
                        Objects.requireNonNullElse(input.description(), "").strip(),
                        definition.toString(),
                        secret(),
                        Actor.currentName())
                .query(Long.class)
                .single();
        return get(id);
    }

    @Transactional
    public Journey update(long id, Input input) {
        var current = get(id);
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? current.name() : input.name().strip();
        var description = input.description() == null
                ? current.description()
                : input.description().strip();
        var definition = input.definition() == null ? current.definition() : input.definition();
        check(name, description, definition, problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        jdbc.sql("update journey set name = ?, description = ?, definition = ?::jsonb, updated_at = ? where id = ?")
                .params(name, description, definition.toString(), Timestamp.from(clock.instant()), id)
                .update();
        return get(id);
    }

    private static void check(
            String name, @Nullable String description, JsonNode definition, List<FieldProblem> problems) {
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", "journey.name", MAX_NAME));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "journey.description", MAX_DESCRIPTION));
        }
        if (!definition.isObject()) {
            problems.add(new FieldProblem("definition", "journey.definition.object"));
        } else if (definition.toString().getBytes(StandardCharsets.UTF_8).length > MAX_DEFINITION_BYTES) {
            problems.add(new FieldProblem("definition", "journey.definition.size", MAX_DEFINITION_BYTES / 1024));
        }
    }

    public List<TemplateView> templates() {
        return templates.all().stream()
                .map(t -> new TemplateView(t.key(), t.name(), t.description(), t.definition()))
                .toList();
    }

    /** What publishing the draft would refuse, without publishing. */
    @Transactional(readOnly = true)
    public List<FieldProblem> validate(long id) {
        var problems = new ArrayList<FieldProblem>();
        checks.check(get(id).definition(), problems);
        return problems;
    }

    /** Makes the draft the next version and the journey active; customers in flight stay on their version. */
    @Transactional
    public Journey publish(long id) {
        var journey = lock(id);
        var problems = new ArrayList<FieldProblem>();
        checks.check(journey.definition(), problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "journey.invalid", problems);
        }
        int version = journey.version() == null ? 1 : journey.version() + 1;
        jdbc.sql("""
                        insert into journey_version (journey_id, version, definition, published_by)
                        values (?, ?, ?::jsonb, ?)""")
                .params(id, version, journey.definition().toString(), Actor.currentName())
                .update();
        jdbc.sql("update journey set version = ?, status = 'active', updated_at = ? where id = ?")
                .params(version, Timestamp.from(clock.instant()), id)
                .update();
        changed();
        return get(id);
    }

    @Transactional
    public Journey pause(long id) {
        return move(id, "active", "paused");
    }

    @Transactional
    public Journey resume(long id) {
        return move(id, "paused", "active");
    }

    /** Ends the journey: every run in it exits, waiting entries are dropped. It can be published again. */
    @Transactional
    public Journey stop(long id) {
        var journey = lock(id);
        if (!journey.status().equals("active") && !journey.status().equals("paused")) {
            throw new DomainException(HttpStatus.CONFLICT, "journey.status", journey.status());
        }
        jdbc.sql("""
                        update journey_run set state = 'exited', exit_reason = 'stopped', ended_at = ?, due_at = null
                        where journey_id = ? and ended_at is null""").params(Timestamp.from(clock.instant()), id).update();
        jdbc.sql("delete from journey_entry where journey_id = ?").param(id).update();
        jdbc.sql("update journey set status = 'stopped', updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        changed();
        return get(id);
    }

    /** Only a journey never published may be deleted; others keep their history (stop them instead). */
    @Transactional
    public void delete(long id) {
        var journey = lock(id);
        if (journey.version() != null) {
            throw new DomainException(HttpStatus.CONFLICT, "journey.delete.published");
        }
        jdbc.sql("delete from journey where id = ?").param(id).update();
    }

    private Journey move(long id, String from, String to) {
        var journey = lock(id);
        if (!journey.status().equals(from)) {
            throw new DomainException(HttpStatus.CONFLICT, "journey.status", journey.status());
        }
        jdbc.sql("update journey set status = ?, updated_at = ? where id = ?")
                .params(to, Timestamp.from(clock.instant()), id)
                .update();
        changed();
        return get(id);
    }

    private void changed() {
        store.changed();
        io.siyu.shared.AfterCommit.collect(runner, () -> runner, r -> {}, JourneyRunner::wake);
    }

    private Journey lock(long id) {
        jdbc.sql("select id from journey where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("journey", id));
        return get(id);
    }

    /** The journeys with their versions and run counts, read for all of them at once. */
    private List<Journey> complete(List<Journey> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(Journey::id).toArray(Long[]::new);
        var versions = new HashMap<Long, List<VersionInfo>>();
        jdbc.sql("""
                        select journey_id, version, published_at, published_by from journey_version
                        where journey_id = any(?::bigint[]) order by journey_id, version desc""").param(ids).query(rs -> {
            versions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new VersionInfo(rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
        });
        var summaries = new HashMap<Long, Summary>();
        jdbc.sql("""
                        select journey_id, count(*), count(*) filter (where ended_at is null), count(converted_at)
                        from journey_run where journey_id = any(?::bigint[]) group by journey_id""").param(ids).query(rs -> {
            summaries.put(rs.getLong(1), new Summary(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return rows.stream()
                .map(j -> new Journey(
                        j.id(),
                        j.name(),
                        j.description(),
                        j.status(),
                        j.version(),
                        j.definition(),
                        j.changed(),
                        versions.getOrDefault(j.id(), List.of()),
                        summaries.getOrDefault(j.id(), new Summary(0, 0, 0)),
                        j.createdBy(),
                        j.createdAt(),
                        j.updatedAt(),
                        j.webhookSecret()))
                .toList();
    }

    private Journey row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong(1);
        return new Journey(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Integer.class),
                json.readTree(rs.getString(6)),
                rs.getObject(5) == null || rs.getBoolean(11),
                List.of(),
                new Summary(0, 0, 0),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                // the key webhooks are signed with is for those who edit journeys
                Actor.current()
                                .map(a -> a.permissions().contains(Permission.JOURNEYS_WRITE))
                                .orElse(false)
                        ? rs.getString(10)
                        : null);
    }

    private String secret() {
        var bytes = new byte[24];
        random.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
