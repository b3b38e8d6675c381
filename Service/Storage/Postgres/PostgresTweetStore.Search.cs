namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>Search on the GIN-indexed <c>tweets.search</c> terms; see <see cref="PostgresSearch"/>.</summary>
public sealed partial class PostgresTweetStore
{
    public Task<IReadOnlyList<TweetRecord>> SearchTweetsAsync(SearchQuery query, IdRange range, int limit, CancellationToken cancellationToken)
    {
        var match = PostgresSearch.Query(query);
        var conditions = new List<string>();
        if (match is not null)
        {
            conditions.Add("t.search @@ @match::tsquery");
        }

        if (query.AuthorId is not null)
        {
            conditions.Add("t.author_id = @author");
        }

        return ListRangeAsync(
            TweetSelect,
            conditions,
            p =>
            {
                if (match is not null)
                {
                    Bind(p, "match", match);
                }

                if (query.AuthorId is { } author)
                {
                    Bind(p, "author", author);
                }
            },
            range,
            limit,
            cancellationToken);
    }
}
