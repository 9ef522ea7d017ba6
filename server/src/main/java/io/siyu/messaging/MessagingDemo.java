package io.siyu.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for 企业群发: past mass sends, sent, with a receipt for each customer they reached, so that reach
 * (who received a message in a period) has something to show. Each send's audience is the customers who had added a
 * staff member by its day; the demo says which of them it reached. Written set-wise in the demo's transaction.
 */
@Service
public class MessagingDemo {

    /** A send of the past and the customers it reached. */
    public record Send(String name, String text, Instant at, long[] customers) {}

    private final JdbcClient jdbc;

    MessagingDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the sends of app {@code appId} and their receipts; answers the receipts written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long load(long appId, List<Send> sends) {
        long receipts = 0;
        for (var send : sends) {
            var at = Timestamp.from(send.at());
            long id = jdbc.sql("""
                            insert into mass_send (app_id, name, audience, text, send_at, status, created_by, created_at,
                                                   planned_at, finished_at)
                            values (?, ?, jsonb_build_object('rule', jsonb_build_object('event',
                                        jsonb_build_object('type', 'wecom_add', 'to',
                                                           (?::timestamptz at time zone 'Asia/Shanghai')::date))),
                                    ?, ?, 'sent', 'demo', ?, ?, ?)
                            returning id""")
                    .params(appId, send.name(), at, send.text(), at, at, at, at)
                    .query(Long.class)
                    .single();
            var customers = new Long[send.customers().length];
            for (int i = 0; i < customers.length; i++) {
                customers[i] = send.customers()[i];
            }
            receipts += jdbc.sql("""
                            insert into message_receipt (customer_id, source, channel, at, priority)
                            select unnest(?::bigint[]), ?, ?, ?, 1""")
                    .params(customers, "mass:" + id, SendingRules.WECOM, at)
                    .update();
        }
        return receipts;
    }
}
