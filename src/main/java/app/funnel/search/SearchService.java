package app.funnel.search;

import app.funnel.security.Roles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The global search: asks every feature that owns records, and groups what they found by kind. */
@Service
public class SearchService {

    /** Hits of one kind shown at most: the box lists the first ones, the grids hold the rest. */
    public static final int PER_KIND = 6;

    private final List<Searchable> sources;

    SearchService(List<Searchable> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The records whose names, e-mails, phones, companies or deal names start with the text, at
     * most {@code perKind} of each kind, grouped in {@link SearchKind} order; nothing for fewer than
     * {@link SearchTerms#MIN_LENGTH} characters. {@code region} reads national phone numbers.
     */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    @Transactional(readOnly = true)
    public List<SearchHit> find(String text, @Nullable String region, int perKind) {
        SearchTerms terms = SearchTerms.of(text, region);
        if (!terms.searchable()) {
            return List.of();
        }
        int limit = Math.clamp(perKind, 1, 50);
        List<SearchHit> hits = new ArrayList<>();
        for (Searchable source : sources) {
            hits.addAll(source.find(terms, limit));
        }
        hits.sort(Comparator.comparing(SearchHit::kind));
        return hits;
    }
}
