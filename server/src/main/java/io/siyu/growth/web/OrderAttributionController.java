package io.siyu.growth.web;

import io.siyu.access.Permission;
import io.siyu.growth.OrderAttribution;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.GROWTH_READ + "')")
class OrderAttributionController {

    private final OrderAttribution attribution;

    OrderAttributionController(OrderAttribution attribution) {
        this.attribution = attribution;
    }

    @GetMapping("/api/v1/distribution/orders/{orderNo}/attribution")
    @Operation(
            summary = "What became of the distributor code a paid order carried: who earned and why (order or"
                    + " binding), whether it bound the buyer, or why it was passed over (unknown, inactive, own)")
    OrderAttribution.Outcome get(@PathVariable String orderNo) {
        return attribution.get(orderNo);
    }
}
