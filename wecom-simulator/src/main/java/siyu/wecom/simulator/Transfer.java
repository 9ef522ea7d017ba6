package siyu.wecom.simulator;

/**
 * One customer being handed from one staff member to another. Status is transfer_result's: 1 taken over,
 * 2 waiting (until {@code takeoverTime}), 3 refused by the customer.
 */
final class Transfer {

    static final int DONE = 1;
    static final int WAITING = 2;
    static final int REFUSED = 3;

    final String externalUserId;
    final String handover;
    final String takeover;
    final boolean resigned;
    final long startTime;
    final long takeoverTime;
    final String successMessage;
    int status = WAITING;

    Transfer(
            String externalUserId,
            String handover,
            String takeover,
            boolean resigned,
            long startTime,
            long takeoverTime,
            String successMessage) {
        this.externalUserId = externalUserId;
        this.handover = handover;
        this.takeover = takeover;
        this.resigned = resigned;
        this.startTime = startTime;
        this.takeoverTime = takeoverTime;
        this.successMessage = successMessage;
    }
}
