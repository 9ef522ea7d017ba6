package io.siyu.layering;

import io.siyu.segment.Layer;
import io.siyu.segment.LayerCatalog;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The bound tenant's layers: RFM from its scoring, the others from its own level rules or the defaults. */
@Component
class Layers implements LayerCatalog {

    private final LayerStore store;
    private final TransactionTemplate transactions;
    private final ConcurrentHashMap<TenantId, List<Layer>> cache = new ConcurrentHashMap<>();

    Layers(LayerStore store, TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public List<Layer> layers() {
        return cache.computeIfAbsent(
                Tenancy.required(),
                tenant -> Objects.requireNonNull(transactions.execute(status -> {
                    var layers = new ArrayList<>(StandardLayers.rfm(scoring()));
                    var own = store.levels();
                    StandardLayers.EDITABLE.forEach(
                            (key, defaults) -> layers.add(new Layer(key, own.getOrDefault(key, defaults))));
                    return List.copyOf(layers);
                })));
    }

    RfmScoring scoring() {
        return store.scoring().orElse(RfmScoring.DEFAULT);
    }

    Layer layer(String key) {
        return layers().stream()
                .filter(l -> l.key().equals(key))
                .findFirst()
                .orElseThrow(() -> io.siyu.shared.DomainException.notFound("layer", key));
    }

    /** Forgets the bound tenant's layers, after their settings changed. */
    void changed() {
        cache.remove(Tenancy.required());
    }
}
