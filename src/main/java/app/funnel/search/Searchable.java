package app.funnel.search;

import java.util.List;

/**
 * What a feature that owns records tells the global search: the records whose key columns start
 * with the terms, at most {@code limit} of each kind it answers for, only those the current user
 * may open. Implemented by that feature as a Spring bean, on its own indexes.
 */
public interface Searchable {

    List<SearchHit> find(SearchTerms terms, int limit);
}
