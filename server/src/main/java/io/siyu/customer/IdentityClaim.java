package io.siyu.customer;

/** An identity a write says the customer has; {@code verified} only means something for mobiles. */
public record IdentityClaim(IdentityKey key, boolean verified) {

    public static IdentityClaim of(IdentityKey key) {
        return new IdentityClaim(key, false);
    }
}
