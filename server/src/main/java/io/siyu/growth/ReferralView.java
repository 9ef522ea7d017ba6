package io.siyu.growth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who invited whom across campaigns over the days {@code from} to {@code to} (both included). Definitions in
 * docs/metrics.md ("Referrals across campaigns").
 */
public record ReferralView(
        LocalDate from,
        LocalDate to,
        Figures figures,
        List<CampaignFigures> campaigns,
        List<Depth> depths,
        List<Inviter> inviters,
        Graph graph) {

    /**
     * @param customers distinct customers who joined a campaign in the range
     * @param participants participations (a customer in two campaigns counts twice) that began in the range
     * @param counted campaign invites made in the range that counted
     * @param memberReferrals members who joined in the range with someone's referral code
     * @param kFactor counted / participants, two decimals
     * @param cycleHours median hours from a participant joining to someone they invited joining the same campaign
     *     (joined in the range); null when nobody did
     * @param maxDepth the deepest generation of the cross-campaign forest
     */
    public record Figures(
            long customers,
            long participants,
            long counted,
            long memberReferrals,
            double kFactor,
            @Nullable Double cycleHours,
            int maxDepth) {}

    /**
     * One campaign's participants who joined in the range and the invites made in it.
     *
     * @param generations participants by depth within the campaign (0: joined by themselves)
     */
    public record CampaignFigures(
            long id,
            String name,
            String status,
            long participants,
            long counted,
            double kFactor,
            @Nullable Double cycleHours,
            int maxDepth,
            List<Generation> generations) {}

    /** @param ratio participants of this generation per participant of the one before (null for depth 0) */
    public record Generation(
            int depth, long participants, @Nullable Double ratio) {}

    /** Customers of the cross-campaign forest at one generation. */
    public record Depth(int depth, long customers) {}

    /**
     * @param invites counted campaign invites plus member referrals made in the range
     * @param campaigns campaigns the customer joined in the range
     * @param chain how many generations hang below them in the cross-campaign forest
     * @param koc marked as a KOC candidate (by all-time invites, see {@link KocCandidates})
     */
    public record Inviter(
            long customerId,
            String name,
            int invites,
            int campaignInvites,
            int memberReferrals,
            int campaigns,
            int chain,
            boolean koc) {}

    /** The top inviters and everyone they brought in, at most 400 customers ({@code truncated} when more). */
    public record Graph(List<Node> nodes, List<Edge> edges, boolean truncated) {}

    public record Node(long customerId, String name, int invites, int depth, boolean koc, boolean top) {}

    /** @param campaignId null for a member referral */
    public record Edge(long from, long to, @Nullable Long campaignId, Instant at) {}
}
