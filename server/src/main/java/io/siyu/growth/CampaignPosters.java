package io.siyu.growth;

import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerSummary;
import io.siyu.shared.DomainException;
import io.siyu.shared.QrImages;
import io.siyu.wecom.ChannelCodeImages;
import io.siyu.wecom.GroupCodeImages;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each participant's 任务宝 poster (750 × 1200 PNG): their avatar and name inviting friends, the campaign, what
 * inviting earns, and their own code's QR on a card. Drawn outside a transaction: the first time, the QR picture
 * is read from WeCom.
 */
@Service
public class CampaignPosters {

    static final int WIDTH = 750;
    static final int HEIGHT = 1_200;
    /** Where the avatar is: a disc this many pixels across, its top-left corner at (AVATAR_X, AVATAR_Y). */
    static final int AVATAR = 112;

    static final int AVATAR_X = 56;
    static final int AVATAR_Y = 56;
    /** The QR's side and top edge on the poster. */
    static final int QR = 400;

    static final int QR_Y = 470;
    private static final Color INK = new Color(0x333333);
    private static final Color RED = new Color(0xE8322F);

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CustomerDirectory customers;
    private final ChannelCodeImages images;
    private final GroupCodeImages groupImages;
    private final TransactionTemplate transactions;

    CampaignPosters(
            JdbcClient jdbc,
            Campaigns campaigns,
            CustomerDirectory customers,
            ChannelCodeImages images,
            GroupCodeImages groupImages,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.customers = customers;
        this.images = images;
        this.groupImages = groupImages;
        this.transactions = transactions;
    }

    public byte[] poster(long campaignId, long participantId) {
        var campaign = Objects.requireNonNull(transactions.execute(s -> campaigns.get(campaignId)));
        var row = Objects.requireNonNull(transactions.execute(s -> jdbc.sql(
                        "select code_id, customer_id from campaign_participant where campaign_id = ? and id = ?")
                .params(campaignId, participantId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .orElseThrow(() -> DomainException.notFound("participant", participantId))));
        var name = Objects.requireNonNull(transactions.execute(s -> customers.summaries(List.of(row[1])).stream()
                .findFirst()
                .map(CustomerSummary::name)
                .orElse("")));
        // a 社群裂变 participant's own code is a group live code (加入群聊), a 任务宝 participant's a channel code
        var qr = read("group".equals(campaign.kind()) ? groupImages.qr(row[0], QR) : images.qr(row[0], QR));
        var font = images.fontFamily();
        var avatar = PosterAvatars.generated(participantId, name, AVATAR, font);
        return QrImages.png(new Canvas(font).draw(campaign, name.strip(), avatar, qr));
    }

    /** One poster being drawn: the layout, top to bottom. */
    private record Canvas(String font) {

        BufferedImage draw(Campaign campaign, String name, BufferedImage avatar, BufferedImage qr) {
            var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                // warm red to orange: what a 任务宝 poster in a WeChat chat is recognised by
                g.setPaint(new GradientPaint(0, 0, new Color(0xF5452F), 0, HEIGHT, new Color(0xFF8A3D)));
                g.fillRect(0, 0, WIDTH, HEIGHT);
                inviter(g, name, avatar);
                campaignTitle(g, campaign);
                card(g, campaign, name, qr);
            } finally {
                g.dispose();
            }
            return image;
        }

        /** The avatar in a white ring, the name, and 邀请你一起参加 beside it. */
        private void inviter(Graphics2D g, String name, BufferedImage avatar) {
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(AVATAR_X - 5, AVATAR_Y - 5, AVATAR + 10, AVATAR + 10));
            g.drawImage(avatar, AVATAR_X, AVATAR_Y, null);
            int x = AVATAR_X + AVATAR + 28;
            int room = WIDTH - x - AVATAR_X;
            var shown = name.isEmpty() ? "你的好友" : fit(g, name, Font.BOLD, 36, room);
            text(g, shown, Font.BOLD, 36, Color.WHITE, x, AVATAR_Y + 48);
            text(g, "邀请你一起参加", Font.PLAIN, 28, new Color(0xFFE7D6), x, AVATAR_Y + 94);
        }

        private void campaignTitle(Graphics2D g, Campaign campaign) {
            // a campaign name may be 30 characters: the title shrinks to one line rather than run off the edge
            int size = 64;
            g.setFont(new Font(font, Font.BOLD, size));
            while (size > 32 && g.getFontMetrics().stringWidth(campaign.name()) > WIDTH - 100) {
                size -= 2;
                g.setFont(new Font(font, Font.BOLD, size));
            }
            centred(g, campaign.name(), Font.BOLD, size, Color.WHITE, 300);
            var first = campaign.stages().isEmpty() ? null : campaign.stages().getFirst();
            if (first != null) {
                var line = "邀请 " + first.invites() + " 位好友，即得" + reward(first);
                g.setFont(new Font(font, Font.BOLD, 30));
                int width = g.getFontMetrics().stringWidth(line) + 56;
                // a translucent pill behind the offer: it reads as a badge, not as more title
                var composite = g.getComposite();
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.22f));
                g.setColor(Color.WHITE);
                g.fill(new RoundRectangle2D.Double((WIDTH - width) / 2.0, 338, width, 56, 56, 56));
                g.setComposite(composite);
                centred(g, line, Font.BOLD, 30, new Color(0xFFF3C4), 377);
            }
        }

        /** The white card: the QR, how to use it, and every stage's reward. */
        private void card(Graphics2D g, Campaign campaign, String name, BufferedImage qr) {
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Double(75, 430, 600, 700, 36, 36));
            g.drawImage(qr, (WIDTH - qr.getWidth()) / 2, QR_Y, null);
            centred(g, "长按识别二维码", Font.BOLD, 32, INK, 930);
            // friends of a 社群裂变 participant join the group; of a 任务宝 participant, add the staff member
            var how = "group".equals(campaign.kind()) ? "扫码进群" : "添加好友";
            var help = name.isEmpty() ? how + "，助 TA 完成任务" : how + "，助「" + fit(g, name, Font.PLAIN, 26, 300) + "」完成任务";
            centred(g, help, Font.PLAIN, 26, new Color(0x888888), 976);
            if (campaign.stages().size() > 1) {
                var ladder = campaign.stages().stream()
                        .map(s -> s.invites() + " 人得" + reward(s))
                        .collect(Collectors.joining(" · "));
                g.setFont(new Font(font, Font.PLAIN, 24));
                centred(g, fit(g, ladder, Font.PLAIN, 24, 540), Font.PLAIN, 24, RED, 1050);
            }
        }

        /** The text, cut with … to fit {@code width} pixels at this font. */
        private String fit(Graphics2D g, String text, int style, int size, int width) {
            var metrics = g.getFontMetrics(new Font(font, style, size));
            if (metrics.stringWidth(text) <= width) {
                return text;
            }
            var cut = text;
            while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
                cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
            }
            return cut + "…";
        }

        private void centred(Graphics2D g, String text, int style, int size, Color colour, int baseline) {
            g.setFont(new Font(font, style, size));
            text(g, text, style, size, colour, (WIDTH - g.getFontMetrics().stringWidth(text)) / 2, baseline);
        }

        private void text(Graphics2D g, String text, int style, int size, Color colour, int x, int baseline) {
            g.setFont(new Font(font, style, size));
            g.setColor(colour);
            g.drawString(text, x, baseline);
        }
    }

    /** A stage's reward after 即得: the gift in 「」, the others as progress messages word them. */
    static String reward(Campaign.Stage stage) {
        return "gift".equals(stage.rewardKind()) ? "「" + stage.gift() + "」" : ProgressTemplates.reward(stage, "zh-CN");
    }

    private static BufferedImage read(byte[] png) {
        try {
            return Objects.requireNonNull(ImageIO.read(new ByteArrayInputStream(png)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
