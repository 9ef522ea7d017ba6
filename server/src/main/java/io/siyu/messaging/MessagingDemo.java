package io.siyu.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for 企业群发: past mass sends, sent, with a receipt for each customer they reached, so that reach
 * (who received a message in a period) has something to show. Each send's audience is the customers who had added a
 * staff member by its day; the demo says which of them it reached (delivered) and which their staff member never
 * sent it to (unsent), with one finished task per staff member, as a send tracked to its end leaves them. Written
 * set-wise in the demo's transaction.
 */
@Service
public class MessagingDemo {

    /**
     * A send of the past: its audience (customers, each through a staff member's user id) and, for each, whether
     * it reached them.
     */
    public record Send(
            String name, String text, Instant at, List<Long> customers, List<String> users, List<Boolean> reached) {}

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
            var customers = send.customers().toArray(Long[]::new);
            var statuses =
                    send.reached().stream().map(r -> r ? "delivered" : "unsent").toArray(String[]::new);
            jdbc.sql("""
                            insert into mass_send_recipient (mass_send_id, customer_id, user_id, part, external_user_id,
                                                             status, updated_at)
                            select ?, r.customer, r.user_id, 0, 'wmdemo' || r.customer, r.status, ?
                            from unnest(?::bigint[], ?::text[], ?::text[]) as r(customer, user_id, status)
                            on conflict do nothing""")
                    .params(id, at, customers, send.users().toArray(String[]::new), statuses)
                    .update();
            jdbc.sql("""
                            insert into mass_send_task (mass_send_id, user_id, status, msgid, attempts, first_asked_at,
                                                        next_at, submitted_at, staff_sent_at, tracked_at, results_at)
                            select ?, r.user_id, 'submitted', 'demo-' || ? || '-' || r.user_id, 1, ?, ?, ?,
                                   case when bool_or(r.status = 'delivered') then ?::timestamptz end, ?, ?
                            from mass_send_recipient r where r.mass_send_id = ? group by r.user_id""").params(id, id, at, at, at, at, at, at, id).update();
            var reached = new ArrayList<Long>();
            for (int i = 0; i < customers.length; i++) {
                if (send.reached().get(i)) {
                    reached.add(customers[i]);
                }
            }
            receipts += jdbc.sql("""
                            insert into message_receipt (customer_id, source, channel, at, priority)
                            select unnest(?::bigint[]), ?, ?, ?, 1""")
                    .params(reached.toArray(Long[]::new), "mass:" + id, SendingRules.WECOM, at)
                    .update();
        }
        return receipts;
    }
}
