package io.siyu.segment;

import java.util.List;

/** The bound tenant's layers, for rules to use; the layering module provides them. */
public interface LayerCatalog {

    List<Layer> layers();
}
