package io.siyu.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trackEvery how often a submitted mass message is asked about in WeCom (has the staff member sent
 *     it, what each customer got) until every outcome is known ({@code SIYU_MESSAGING_TRACK_EVERY})
 * @param trackFor how long after submitting that is done; a staff member who has not sent by then never will
 */
@ConfigurationProperties("siyu.messaging")
record MessagingProperties(
        @DefaultValue("5m") Duration trackEvery,
        @DefaultValue("7d") Duration trackFor) {}
