package io.siyu.access;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants (one brand each) and their settings. */
@Service
public class TenantManagement {

    private final Tenants tenants;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    TenantManagement(Tenants tenants, AuditLog audit, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Creates a tenant; the returned id is what {@link Tenancy#runAs} needs to work inside it. */
    public TenantId create(String name, String timeZone) {
        checkZone(timeZone);
        var id = transactions.execute(status -> tenants.nextId());
        Tenancy.runAs(
                id,
                () -> transactions.executeWithoutResult(status -> {
                    tenants.insert(id, name, timeZone);
                    audit.record(Actor.currentName(), "tenant.created", name, Map.of("timeZone", timeZone));
                }));
        return id;
    }

    /** Every tenant's id: for background work that serves all tenants, each in its own transactions. */
    public java.util.List<TenantId> ids() {
        return transactions.execute(status -> tenants.ids());
    }

    @Transactional(readOnly = true)
    public TenantSettings current() {
        return tenants.current()
                .orElseThrow(() -> io.siyu.shared.DomainException.notFound("tenant", Tenancy.required()));
    }

    @Transactional
    public TenantSettings update(String name, String timeZone) {
        checkZone(timeZone);
        tenants.update(name, timeZone);
        audit.record(Actor.currentName(), "tenant.updated", name, Map.of("timeZone", timeZone));
        return current();
    }

    private static void checkZone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw AccessProblems.field("timeZone", "tenant.time-zone.unknown", timeZone);
        }
    }
}
