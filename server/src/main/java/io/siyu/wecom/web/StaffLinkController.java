package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.StaffLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Which staff account each WeCom staff member is: read and set on the console's accounts page. */
@RestController
@Tag(name = "Staff accounts")
class StaffLinkController {

    record LinkBody(@Nullable String userId) {}

    record LinkView(StaffLinks.@Nullable Link link) {}

    private final StaffLinks links;

    StaffLinkController(StaffLinks links) {
        this.links = links;
    }

    @GetMapping("/api/v1/wecom/staff-links")
    @PreAuthorize("hasAuthority('" + Permission.ACCOUNTS_READ + "')")
    @Operation(
            summary = "WeCom staff members in the directory, by name, each with the account it is linked to"
                    + " (accountId null: none; source auto or admin)")
    List<StaffLinks.Link> list() {
        return links.list();
    }

    @PutMapping("/api/v1/accounts/{id}/wecom-user")
    @PreAuthorize("hasAuthority('" + Permission.ACCOUNTS_WRITE + "')")
    @Operation(
            summary = "Link the account to a WeCom staff member (userId), or unlink it (userId null); audit-logged."
                    + " 400 unknown userId, 409 userId linked to another account")
    LinkView link(@PathVariable long id, @RequestBody LinkBody body) {
        return new LinkView(links.link(id, body.userId()).orElse(null));
    }
}
