package io.siyu.customer;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creates and changes customer profiles; every write goes through the merge rules and attribute checks. */
@Service
public class CustomerProfiles {

    /** What a write did: created a profile, updated one, or merged several into one. */
    public record Written(long customerId, String status, List<Long> merged) {}

    private final JdbcClient jdbc;
    private final CustomerResolution resolution;
    private final IdentityMerges merges;
    private final CustomerAttributes attributes;
    private final ObjectMapper json;
    private final Clock clock;
    private final CustomerChanges changes;

    CustomerProfiles(
            JdbcClient jdbc,
            CustomerResolution resolution,
            IdentityMerges merges,
            CustomerAttributes attributes,
            ObjectMapper json,
            Clock clock,
            CustomerChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.resolution = resolution;
        this.merges = merges;
        this.attributes = attributes;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Finds the profile by the input's identities (creating it when none is known, merging when the rules
     * say so) and applies the input's fields. Identities of several profiles that may not be merged are an
     * {@link IdentityConflict}.
     */
    @Transactional
    public Written upsert(ProfileInput input, String actor) {
        if (input.identities().isEmpty()) {
            throw DomainException.invalid("identities", "customer.identities.required");
        }
        var resolved = resolution.resolveTogether(input.identities(), actor, clock.instant(), true);
        if (resolved.created()) {
            var problems = new ArrayList<FieldProblem>();
            attributes.requireAll(input.attributes(), attributes.all(), "attributes", problems);
            if (!problems.isEmpty()) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
            }
        }
        apply(resolved.customerId(), input, actor);
        var status = resolved.created() ? "created" : resolved.merged().isEmpty() ? "updated" : "merged";
        return new Written(resolved.customerId(), status, resolved.merged());
    }

    /** Changes the profile {@code id} resolves to; identities in the input are added to it. */
    @Transactional
    public Written update(long id, ProfileInput input, String actor) {
        long root = merges.rootOf(id);
        var merged = List.<Long>of();
        if (!input.identities().isEmpty()) {
            var resolved = resolution.addIdentities(root, input.identities(), actor, true);
            root = resolved.customerId();
            merged = resolved.merged();
        }
        apply(root, input, actor);
        return new Written(root, merged.isEmpty() ? "updated" : "merged", merged);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void apply(long id, ProfileInput input, String actor) {
        var current = jdbc.sql("select attributes::text, consent::text from customer where id = ? for update")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var sets = new ArrayList<String>();
        var params = new ArrayList<@Nullable Object>();
        input.fields().forEach((column, value) -> {
            sets.add(column + " = ?");
            params.add(value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value);
        });
        if (!input.attributes().isEmpty()) {
            sets.add("attributes = ?::jsonb");
            params.add(attributes
                    .apply(json.readTree(current[0]), input.attributes())
                    .toString());
        }
        if (!input.consent().isEmpty()) {
            var consent = (ObjectNode) json.readTree(current[1]);
            var now = clock.instant().toString();
            input.consent()
                    .forEach((channel, granted) -> consent.set(
                            channel.code(),
                            json.createObjectNode()
                                    .put("granted", granted)
                                    .put("at", now)
                                    .put("by", actor)));
            sets.add("consent = ?::jsonb");
            params.add(consent.toString());
        }
        sets.add("anonymous = false");
        sets.add("updated_at = ?");
        params.add(Timestamp.from(clock.instant()));
        params.add(id);
        jdbc.sql("update customer set " + String.join(", ", sets) + " where id = ?")
                .params(params)
                .update();
        changes.changed(List.of(id));
    }

    /**
     * Sets one custom attribute on many customers at once (a journey step), in the caller's transaction;
     * {@code value} was checked with {@link CustomerAttributes#validate}, and null removes it. Answers how many
     * profiles there were.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int setAttribute(
            java.util.Collection<Long> ids, String key, @org.jspecify.annotations.Nullable Object value) {
        if (ids.isEmpty()) {
            return 0;
        }
        int updated = jdbc.sql("""
                        update customer set updated_at = ?, attributes = case when ?::jsonb is null
                            then coalesce(attributes, '{}'::jsonb) - ?
                            else coalesce(attributes, '{}'::jsonb) || jsonb_build_object(?::text, ?::jsonb) end
                        where id = any(?::bigint[])""")
                .params(
                        Timestamp.from(clock.instant()),
                        value == null ? null : json.writeValueAsString(value),
                        key,
                        key,
                        value == null ? null : json.writeValueAsString(value),
                        ids.toArray(Long[]::new))
                .update();
        changes.changed(ids);
        return updated;
    }

    /**
     * Mirrors loyalty tiers on profiles: member level by customer (0: not a member), and the day they became one
     * when it was not set; in the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void setMemberLevels(java.util.Map<Long, Integer> levels, java.time.LocalDate since) {
        if (levels.isEmpty()) {
            return;
        }
        var ids = levels.keySet().toArray(Long[]::new);
        var values = java.util.Arrays.stream(ids).map(levels::get).toArray(Integer[]::new);
        jdbc.sql("""
                        update customer c set member_level = l.level, updated_at = ?,
                            member_since = case when l.level = 0 then null else coalesce(c.member_since, ?) end
                        from unnest(?::bigint[], ?::int[]) as l(id, level) where c.id = l.id""")
                .params(Timestamp.from(clock.instant()), java.sql.Date.valueOf(since), ids, values)
                .update();
        changes.changed(levels.keySet());
    }
}
