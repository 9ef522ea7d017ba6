package io.siyu.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key customer links are signed with: {@code SIYU_LINK_SECRET} when set (several instances then agree without
 * sharing a database row), else 32 random bytes made at the first start and kept in the database, so links stay
 * valid across restarts. Never logged, never in the API.
 */
@Component
class CustomerLinkSecret {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile byte @Nullable [] key;

    CustomerLinkSecret(JdbcClient jdbc, TransactionTemplate transactions, AccessProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        var configured = properties.linkSecret();
        this.key = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        var known = key;
        if (known == null) {
            known = java.util.Objects.requireNonNull(transactions.execute(status -> stored()));
            key = known;
        }
        return known;
    }

    private byte[] stored() {
        var generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        // a concurrent first start may insert first: whichever row is there is the key
        jdbc.sql("insert into customer_link_secret (secret) values (?) on conflict (id) do nothing")
                .param(generated)
                .update();
        return jdbc.sql("select secret from customer_link_secret where id = 1")
                .query(byte[].class)
                .single();
    }
}
