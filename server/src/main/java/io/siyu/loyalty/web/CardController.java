package io.siyu.loyalty.web;

import io.siyu.access.Permission;
import io.siyu.loyalty.CardPlan;
import io.siyu.loyalty.CardPlans;
import io.siyu.loyalty.CardStats;
import io.siyu.loyalty.Cards;
import io.siyu.loyalty.MemberCard;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Paid membership cards (付费会员卡): plans, purchases a shop reports, refunds, a member's cards, figures. */
@RestController
@RequestMapping("/api/v1/loyalty")
@PreAuthorize("hasAuthority('" + Permission.LOYALTY_READ + "')")
class CardController {

    private static final String WRITE = "hasAuthority('" + Permission.LOYALTY_WRITE + "')";
    private static final String MANAGE = "hasAuthority('" + Permission.LOYALTY_MANAGE + "')";

    private final CardPlans plans;
    private final Cards cards;
    private final CardStats stats;

    CardController(CardPlans plans, Cards cards, CardStats stats) {
        this.plans = plans;
        this.cards = cards;
        this.stats = stats;
    }

    @GetMapping("/cards/plans")
    @Operation(summary = "Paid membership card plans, active first, with the cards each sold")
    List<CardPlan> plans() {
        return plans.all();
    }

    @PostMapping("/cards/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Add a card plan {name, price, validity, validityUnit (days|months), floorTier?, benefits?,"
                    + " active?}")
    CardPlan createPlan(@RequestBody CardPlan.Input body) {
        return plans.create(body);
    }

    @GetMapping("/cards/plans/{id}")
    @Operation(summary = "A card plan")
    CardPlan plan(@PathVariable long id) {
        return plans.get(id);
    }

    @PutMapping("/cards/plans/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a card plan (cards bought keep their periods)")
    CardPlan updatePlan(@PathVariable long id, @RequestBody CardPlan.Input body) {
        return plans.update(id, body);
    }

    @DeleteMapping("/cards/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Remove a card plan that never sold a card (409 otherwise: switch it off instead)")
    void deletePlan(@PathVariable long id) {
        plans.delete(id);
    }

    @PostMapping("/cards/purchases")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "A shop reports a paid card purchase {customerId, planId, purchaseKey, amount?}: the customer"
                    + " becomes a member and holds the card (201); bought while valid, it extends the card; the same"
                    + " key again answers the first purchase (200) and changes nothing")
    ResponseEntity<MemberCard> purchase(@RequestBody MemberCard.Purchase body) {
        var purchased = cards.purchase(body);
        return ResponseEntity.status(purchased.first() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(purchased.card());
    }

    @PostMapping("/cards/refunds")
    @PreAuthorize(WRITE)
    @Operation(
            summary = "Refund a card purchase {purchaseKey}: its period ends now and later ones move up; a purchase"
                    + " refunded before answers as it is")
    MemberCard refund(@RequestBody MemberCard.Refund body) {
        return cards.refund(body);
    }

    @GetMapping("/members/{customerId}/cards")
    @Operation(summary = "A member's card purchases (periods), newest first")
    List<MemberCard> history(@PathVariable long customerId) {
        return cards.history(customerId);
    }

    @GetMapping("/cards/stats")
    @Operation(summary = "Members holding a valid card, cards ending within 30 days, sales and revenue by month")
    CardStats.Stats stats() {
        return stats.stats();
    }
}
