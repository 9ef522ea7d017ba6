package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * 在职继承 (transfer_customer, transfer_result: doc 92125), 离职继承 (resigned/transfer_customer,
 * resigned/transfer_result, get_unassigned_list: doc 92124/94081) and group handovers (groupchat/transfer,
 * groupchat/onjob_transfer: doc 92127/95703).
 */
@RestController
class TransferApi {

    private final Corps corps;
    private final CorpStates states;
    private final Transfers transfers;
    private final GroupTransfers groupTransfers;

    TransferApi(Corps corps, CorpStates states, Transfers transfers, GroupTransfers groupTransfers) {
        this.corps = corps;
        this.states = states;
        this.transfers = transfers;
        this.groupTransfers = groupTransfers;
    }

    @PostMapping("/cgi-bin/externalcontact/transfer_customer")
    Map<String, Object> transfer(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return Json.ok("customer", transfers.start(corp(token), new Body(json), false));
    }

    @PostMapping("/cgi-bin/externalcontact/resigned/transfer_customer")
    Map<String, Object> transferResigned(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return Json.ok("customer", transfers.start(corp(token), new Body(json), true));
    }

    @PostMapping("/cgi-bin/externalcontact/transfer_result")
    Map<String, Object> result(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return result(transfers.result(corp(token), new Body(json), false));
    }

    @PostMapping("/cgi-bin/externalcontact/resigned/transfer_result")
    Map<String, Object> resignedResult(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return result(transfers.result(corp(token), new Body(json), true));
    }

    @PostMapping("/cgi-bin/externalcontact/get_unassigned_list")
    Map<String, Object> unassigned(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return transfers.unassigned(corp(token), new Body(json));
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/transfer")
    Map<String, Object> groups(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return Json.ok("failed_chat_list", groupTransfers.transfer(corp(token), new Body(json), true));
    }

    @PostMapping("/cgi-bin/externalcontact/groupchat/onjob_transfer")
    Map<String, Object> onjobGroups(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return Json.ok("failed_chat_list", groupTransfers.transfer(corp(token), new Body(json), false));
    }

    private static Map<String, Object> result(Cursor<Transfer> page) {
        var customers = page.page().stream()
                .map(t -> Json.object(
                        "external_userid", t.externalUserId, "status", t.status, "takeover_time", t.takeoverTime))
                .toList();
        return Json.ok("customer", customers, "next_cursor", page.next());
    }

    private Corp corp(@Nullable String token) {
        return states.of(corps.authorizeCustomerContact(token));
    }
}
