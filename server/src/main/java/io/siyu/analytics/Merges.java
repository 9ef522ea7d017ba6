package io.siyu.analytics;

import java.util.List;
import java.util.Map;

/**
 * The merged-away profiles and the live customers they were merged into, read once per report and shared by its
 * figures (the ledger's sums and the SQL ones).
 */
record Merges(Map<Integer, Integer> survivors) {

    /** The CTE {@code merged (id, survivor_id)} over these merges; its two array parameters are added to params. */
    String cte(List<Object> params) {
        var ids = new Long[survivors.size()];
        var into = new Long[ids.length];
        int i = 0;
        for (var merge : survivors.entrySet()) {
            ids[i] = (long) merge.getKey();
            into[i++] = (long) merge.getValue();
        }
        params.add(ids);
        params.add(into);
        return "merged as (select * from unnest(?::bigint[], ?::bigint[]) as m(id, survivor_id))";
    }
}
