package io.siyu.analytics;

import io.siyu.access.AccountManagement;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.wecom.StaffLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff members the analytics filter takes: {@code staff=wecom:<userid>} or {@code staff=account:<id>}, each
 * resolved through the account ↔ WeCom links to the same person.
 */
@Service
public class StaffMembers {

    private static final String FIELD = "staff";

    private final StaffLinks links;
    private final AccountManagement accounts;

    StaffMembers(StaffLinks links, AccountManagement accounts) {
        this.links = links;
        this.accounts = accounts;
    }

    /** The staff member a filter value names; null for none (blank); 400 naming {@code staff} otherwise. */
    @Transactional(readOnly = true)
    public @Nullable StaffMember resolve(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        int colon = text.indexOf(':');
        var kind = colon < 0 ? "" : text.substring(0, colon);
        var id = colon < 0 ? "" : text.substring(colon + 1);
        if (kind.equals("wecom") && !id.isEmpty() && id.length() <= 64) {
            var user = links.user(id).orElseThrow(() -> problem("analytics.staff.unknown", text));
            return StaffMember.of(user.userId(), user.accountId(), user.name());
        }
        if (kind.equals("account") && id.matches("[1-9][0-9]{0,17}")) {
            long account = Long.parseLong(id);
            var linked = links.ofAccount(account);
            if (linked.isPresent()) {
                return StaffMember.of(
                        linked.get().userId(), account, linked.get().name());
            }
            var name = accounts.displayNames(List.of(account)).get(account);
            if (name == null) {
                throw problem("analytics.staff.unknown", text);
            }
            return StaffMember.of(null, account, name);
        }
        throw problem("analytics.staff.format", text);
    }

    /** Everyone the filter can pick: WeCom staff members in the directory, then enabled accounts linked to none. */
    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        var members = new ArrayList<StaffMember>();
        var linked = new HashSet<Long>();
        for (var link : links.list()) {
            members.add(StaffMember.of(link.userId(), link.accountId(), link.name()));
            if (link.accountId() != null) {
                linked.add(link.accountId());
            }
        }
        var ids = accounts.contacts(null).stream()
                .map(io.siyu.access.AccountContact::id)
                .filter(id -> !linked.contains(id))
                .toList();
        var names = accounts.displayNames(ids);
        var unlinked = new ArrayList<StaffMember>();
        ids.forEach(id -> unlinked.add(StaffMember.of(null, id, names.getOrDefault(id, "#" + id))));
        unlinked.sort(Comparator.comparing(StaffMember::name));
        members.addAll(unlinked);
        return members;
    }

    private static DomainException problem(String code, String value) {
        return new DomainException(
                HttpStatus.BAD_REQUEST, "problem.invalid-request", List.of(new FieldProblem(FIELD, code, value)));
    }
}
