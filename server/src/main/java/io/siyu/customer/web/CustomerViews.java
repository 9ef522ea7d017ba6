package io.siyu.customer.web;

import io.siyu.customer.Cities;
import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerProfile;
import io.siyu.customer.CustomerSummary;
import io.siyu.customer.IdentityType;
import io.siyu.customer.MergeRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the customer endpoints answer. */
final class CustomerViews {

    private CustomerViews() {}

    record CityView(int code, String name) {
        static @Nullable CityView of(@Nullable Integer code, Locale locale) {
            return code == null
                    ? null
                    : Cities.byCode(code)
                            .map(c -> new CityView(code, c.name(locale)))
                            .orElse(null);
        }
    }

    record OwnerView(long id, String name) {
        static @Nullable OwnerView of(@Nullable Long id, Map<Long, String> names) {
            return id == null ? null : new OwnerView(id, names.getOrDefault(id, "#" + id));
        }
    }

    record Summary(
            long id,
            String name,
            boolean anonymous,
            String gender,
            @Nullable CityView city,
            @Nullable String mobile,
            @Nullable OwnerView owner,
            @Nullable String sourceChannel,
            int memberLevel,
            long orderCount,
            BigDecimal gmv,
            @Nullable Instant lastActiveAt,
            Instant createdAt) {

        static Summary of(CustomerSummary c, Map<Long, String> owners, Locale locale) {
            return new Summary(
                    c.id(),
                    c.name(),
                    c.anonymous(),
                    c.gender().code(),
                    CityView.of(c.city(), locale),
                    c.mobile(),
                    OwnerView.of(c.ownerId(), owners),
                    c.sourceChannel(),
                    c.memberLevel(),
                    c.orderCount(),
                    c.gmv(),
                    c.lastActiveAt(),
                    c.createdAt());
        }
    }

    record IdentityView(String type, String value, boolean verified, long home, Instant addedAt) {
        static IdentityView of(CustomerProfile.Identity identity, boolean unmasked) {
            return new IdentityView(
                    identity.type().apiName(),
                    unmasked ? identity.value() : mask(identity.type(), identity.value()),
                    identity.verified(),
                    identity.home(),
                    identity.addedAt());
        }

        private static String mask(IdentityType type, String value) {
            return switch (type) {
                case MOBILE -> CustomerDirectory.mask(value);
                case EMAIL -> value.charAt(0) + "***" + value.substring(value.indexOf('@'));
                default ->
                    value.length() <= 6 ? "***" : value.substring(0, 3) + "***" + value.substring(value.length() - 3);
            };
        }
    }

    record MergeView(
            long id,
            long survivorId,
            long mergedId,
            String rule,
            String actor,
            Instant mergedAt,
            @Nullable Instant undoneAt,
            @Nullable String undoneBy) {
        static MergeView of(MergeRecord m) {
            return new MergeView(
                    m.id(),
                    m.survivorId(),
                    m.mergedId(),
                    m.rule().code(),
                    m.actor(),
                    m.mergedAt(),
                    m.undoneAt(),
                    m.undoneBy());
        }
    }

    record Detail(
            long id,
            long requestedId,
            String name,
            boolean anonymous,
            String gender,
            @Nullable LocalDate birthday,
            @Nullable CityView city,
            @Nullable String sourceChannel,
            @Nullable OwnerView owner,
            int memberLevel,
            @Nullable LocalDate memberSince,
            JsonNode attributes,
            JsonNode consent,
            List<IdentityView> identities,
            CustomerProfile.Totals totals,
            @Nullable Instant firstSeenAt,
            @Nullable Instant lastActiveAt,
            Instant createdAt,
            @Nullable Instant updatedAt,
            List<Long> members,
            List<MergeView> merges,
            boolean identitiesMasked) {

        static Detail of(long requested, CustomerProfile p, Map<Long, String> owners, boolean unmasked, Locale locale) {
            return new Detail(
                    p.id(),
                    requested,
                    p.name(),
                    p.anonymous(),
                    p.gender().code(),
                    p.birthday(),
                    CityView.of(p.city(), locale),
                    p.sourceChannel(),
                    OwnerView.of(p.ownerId(), owners),
                    p.memberLevel(),
                    p.memberSince(),
                    p.attributes(),
                    p.consent(),
                    p.identities().stream()
                            .map(i -> IdentityView.of(i, unmasked))
                            .toList(),
                    p.totals(),
                    p.firstSeenAt(),
                    p.lastActiveAt(),
                    p.createdAt(),
                    p.updatedAt(),
                    p.members(),
                    p.merges().stream().map(MergeView::of).toList(),
                    !unmasked);
        }
    }

    /** The result of one record of a write. */
    record WriteResult(
            int index,
            String status,
            @Nullable Long customerId,
            List<Long> merged,
            @Nullable List<Map<String, String>> errors) {}
}
