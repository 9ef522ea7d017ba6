package siyu.wecom.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day of 联系客户统计 for one member or, added up, for several. Reply figures are kept as sums weighted by
 * the chats they are about, so that several members' average as WeCom's would: over all their chats.
 *
 * @param ratedChats the chats that reply_percentage and avg_reply_time are about (0: both are left out)
 * @param percentTimesChats reply_percentage × ratedChats
 * @param minutesTimesChats avg_reply_time (minutes) × ratedChats
 */
record Figures(
        int chats,
        int messages,
        int ratedChats,
        double percentTimesChats,
        double minutesTimesChats,
        int negativeFeedback,
        int newApply,
        int newContact) {

    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

    /** A day the simulator has no state for: a plausible day's work, quieter at weekends. */
    static Figures madeUp(Dice dice, LocalDate day) {
        int chats = scaled(dice.roll(0, 21), day);
        int messages = chats == 0 ? 0 : chats + dice.roll(1, 4 * chats + 1);
        double percent = 50 + dice.roll(2, 5001) / 100.0;
        int minutes = 1 + dice.roll(3, 120);
        int negative = dice.roll(6, 10) == 0 ? 1 : 0;
        return new Figures(
                chats,
                messages,
                chats,
                percent * chats,
                minutes * chats,
                negative,
                applies(dice, day),
                scaled(dice.roll(5, 7), day));
    }

    /** Friend requests the member sent from the WeCom client, which the simulator never sees. */
    static int applies(Dice dice, LocalDate day) {
        return scaled(dice.roll(4, 5), day);
    }

    private static int scaled(int value, LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? value / 2 : value;
    }

    Figures plus(Figures other) {
        return new Figures(
                chats + other.chats,
                messages + other.messages,
                ratedChats + other.ratedChats,
                percentTimesChats + other.percentTimesChats,
                minutesTimesChats + other.minutesTimesChats,
                negativeFeedback + other.negativeFeedback,
                newApply + other.newApply,
                newContact + other.newContact);
    }

    /** The day as WeCom writes it; the reply figures only when there were chats to reply to. */
    Map<String, Object> json(long statTime) {
        return Json.object(
                "stat_time",
                statTime,
                "chat_cnt",
                chats,
                "message_cnt",
                messages,
                "reply_percentage",
                ratedChats == 0 ? null : Math.round(percentTimesChats / ratedChats * 100) / 100.0,
                "avg_reply_time",
                ratedChats == 0 ? null : Math.round(minutesTimesChats / ratedChats),
                "negative_feedback_cnt",
                negativeFeedback,
                "new_apply_cnt",
                newApply,
                "new_contact_cnt",
                newContact);
    }
}
