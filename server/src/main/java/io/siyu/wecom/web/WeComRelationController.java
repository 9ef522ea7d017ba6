package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.WeComRelations;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers' relations with staff: one customer's, losses over time, and who is told of a loss. */
@RestController
class WeComRelationController {

    private final WeComRelations relations;

    WeComRelationController(WeComRelations relations) {
        this.relations = relations;
    }

    @GetMapping("/api/v1/customers/{id}/wecom-contacts")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(summary = "The staff this customer is (or was) a WeCom contact of: a customer may be shared by several")
    List<WeComRelations.Relation> contacts(@PathVariable long id) {
        return relations.of(id);
    }

    @GetMapping("/api/v1/wecom/losses")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(
            summary =
                    "Customers lost on WeCom from and to (dates): per day (by the customer / by staff), per staff"
                            + " member and live code with the adds of the same days, and the median days a lost relation lasted")
    WeComRelations.Losses losses(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return relations.losses(from, to);
    }

    @GetMapping("/api/v1/wecom/settings")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    WeComRelations.Settings settings() {
        return relations.settings();
    }

    @PutMapping("/api/v1/wecom/settings")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(
            summary =
                    "Who is told (a WeCom app message) when a customer is lost: {lossNotify: none|staff|manager, lossManagerId}")
    WeComRelations.Settings update(@RequestBody WeComRelations.Settings body) {
        return relations.update(body);
    }
}
