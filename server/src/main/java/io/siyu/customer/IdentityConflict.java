package io.siyu.customer;

import io.siyu.shared.DomainException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Identities of several profiles met in one write, and the merge rules do not allow making them one: no
 * unionid or verified mobile links them, or they hold two different values of an identity a person has
 * only once (two unionids, two verified mobiles, two external_userids of one corp).
 */
public final class IdentityConflict extends DomainException {

    private final List<Long> customers;

    IdentityConflict(String code, List<Long> customers) {
        super(
                HttpStatus.CONFLICT,
                code,
                customers.stream().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(", ")));
        this.customers = List.copyOf(customers);
    }

    public List<Long> customers() {
        return customers;
    }
}
