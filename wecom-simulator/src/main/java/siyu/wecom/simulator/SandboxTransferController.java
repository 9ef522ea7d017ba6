package siyu.wecom.simulator;

import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox: a customer refuses being handed over. (Moving {@code /sim/clock} past 24 h completes transfers.) */
@RestController
class SandboxTransferController {

    private final CorpStates states;
    private final Transfers transfers;

    SandboxTransferController(CorpStates states, Transfers transfers) {
        this.states = states;
        this.transfers = transfers;
    }

    /**
     * {@code POST /sim/corps/{corpId}/transfers/{externalUserId}/refuse}: the customer's waiting transfer ends
     * with status 3 and a transfer_fail callback (FailReason customer_refused) naming the takeover member.
     */
    @PostMapping("/sim/corps/{corpId}/transfers/{externalUserId}/refuse")
    Map<String, Object> refuse(@PathVariable String corpId, @PathVariable String externalUserId) {
        return transfers.refuse(states.known(corpId), externalUserId);
    }
}
