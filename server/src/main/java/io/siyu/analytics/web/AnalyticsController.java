package io.siyu.analytics.web;

import io.siyu.access.Permission;
import io.siyu.analytics.AnalyticsSettings;
import io.siyu.analytics.AssetReport;
import io.siyu.analytics.ChannelReport;
import io.siyu.analytics.Filters;
import io.siyu.analytics.FunnelReport;
import io.siyu.analytics.GmvReport;
import io.siyu.analytics.Period;
import io.siyu.analytics.Periods;
import io.siyu.analytics.StaffMember;
import io.siyu.analytics.StaffMembers;
import io.siyu.analytics.TimeReport;
import io.siyu.analytics.TrialReport;
import io.siyu.analytics.WeComReport;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasAuthority('" + Permission.ANALYTICS_READ + "')")
class AnalyticsController {

    private static final String MANAGE = "hasAuthority('" + Permission.ANALYTICS_MANAGE + "')";

    record SettingsBody(AnalyticsSettings.@Nullable Baselines baselines) {}

    record SpendBody(@Nullable List<AnalyticsSettings.SpendRow> rows) {}

    record SpendList(List<AnalyticsSettings.Spend> rows) {}

    private final Periods periods;
    private final FunnelReport funnel;
    private final TimeReport time;
    private final GmvReport gmv;
    private final AssetReport assets;
    private final WeComReport wecom;
    private final ChannelReport channels;
    private final TrialReport trials;
    private final AnalyticsSettings settings;
    private final StaffMembers staff;

    AnalyticsController(
            Periods periods,
            FunnelReport funnel,
            TimeReport time,
            GmvReport gmv,
            AssetReport assets,
            WeComReport wecom,
            ChannelReport channels,
            TrialReport trials,
            AnalyticsSettings settings,
            StaffMembers staff) {
        this.periods = periods;
        this.funnel = funnel;
        this.time = time;
        this.gmv = gmv;
        this.assets = assets;
        this.wecom = wecom;
        this.channels = channels;
        this.trials = trials;
        this.settings = settings;
        this.staff = staff;
    }

    /** The query parameters every report takes. */
    record Range(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable LocalDate compareFrom,
            @Nullable LocalDate compareTo,
            @Nullable String channel,
            @Nullable String staff) {}

    private Period period(Range range) {
        return periods.of(range.from(), range.to(), range.compareFrom(), range.compareTo());
    }

    /** The channel as given, and the staff member {@code staff} names ({@code wecom:<userid>} or {@code account:<id>}). */
    private Filters filters(Range range) {
        var channel = range.channel();
        return new Filters(channel == null || channel.isBlank() ? null : channel.strip(), staff.resolve(range.staff()));
    }

    record StaffList(List<StaffMember> staff) {}

    @GetMapping("/staff")
    @Operation(
            summary = "The staff members the staff filter takes: WeCom staff (key wecom:<userid>, with the account"
                    + " linked to them) and accounts linked to none (key account:<id>)")
    StaffList staff() {
        return new StaffList(staff.list());
    }

    @GetMapping("/funnel")
    @Operation(summary = "The AARRR funnel: seed 000's figures per stage, beside the comparison period")
    FunnelReport.Funnel funnel(Range range) {
        return funnel.funnel(period(range), filters(range));
    }

    @GetMapping("/trends")
    @Operation(
            summary =
                    "Adds, losses, active customers, buyers, orders and GMV per day or week, and the same for the comparison period")
    TimeReport.Trends trends(Range range, @RequestParam(required = false) @Nullable String grain) {
        return time.trends(period(range), filters(range), grain);
    }

    @GetMapping("/cohorts")
    @Operation(summary = "Retention cohorts by the week or month of the first WeCom add")
    TimeReport.Cohorts cohorts(Range range, @RequestParam(required = false) @Nullable String grain) {
        return time.cohorts(period(range), filters(range), grain);
    }

    @GetMapping("/gmv")
    @Operation(
            summary =
                    "Private-domain GMV = assets × reach rate × conversion × AOV, with each factor's share of the change")
    GmvReport.Decomposition gmv(Range range, @RequestParam(required = false) @Nullable String by) {
        return gmv.decompose(period(range), filters(range), by);
    }

    @GetMapping("/assets")
    @Operation(
            summary =
                    "The user asset table: customer assets at the start, gained, lost and at the end, per bucket and layer level")
    AssetReport.Table assets(
            Range range,
            @RequestParam(required = false) @Nullable String grain,
            @RequestParam(required = false) @Nullable String layer) {
        return assets.table(period(range), filters(range), grain, layer);
    }

    @GetMapping("/wecom")
    @Operation(summary = "The WeCom funnel (引流 / 服务 / 变现成功率) against the baselines, and staff KPIs")
    WeComReport.Funnel wecom(Range range) {
        return wecom.funnel(period(range), filters(range));
    }

    @GetMapping("/channels")
    @Operation(summary = "Per source channel: adds, spend, CAC, buyers, GMV, LTV and ROI")
    ChannelReport.Channels channels(Range range) {
        return channels.channels(period(range));
    }

    @GetMapping("/trials")
    @Operation(
            summary =
                    "Trial → paid conversion per lead product: trial customers of the period and those who paid after")
    TrialReport.Products trials(Range range) {
        return trials.products(period(range), filters(range));
    }

    @GetMapping("/settings")
    @Operation(summary = "The WeCom funnel's baselines")
    AnalyticsSettings.Settings settings() {
        return settings.get();
    }

    @PutMapping("/settings")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Sets the WeCom funnel's baselines (each a fraction, 0 < x ≤ 1)")
    AnalyticsSettings.Settings updateSettings(@RequestBody SettingsBody body) {
        return settings.update(body.baselines());
    }

    @GetMapping("/spend")
    @Operation(summary = "Channel spend per month, for the months the range touches")
    SpendList spend(Range range) {
        return new SpendList(settings.spend(period(range)));
    }

    @PutMapping("/spend")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Upserts channel spend per month (≤ 500 rows; an amount of 0 removes the entry)")
    Map<String, Integer> putSpend(@RequestBody SpendBody body) {
        return Map.of("saved", settings.putSpend(body.rows()));
    }
}
