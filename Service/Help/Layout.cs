namespace TweetsSoap.Service.Help;

/// <summary>The frame shared by the help pages. Style and script are separate files so the CSP can forbid inline code.</summary>
public static class Layout
{
    public static Html Start(string title) => new Html()
        .Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Raw("<title>").Text(title).Raw(" &middot; TweetsSoap</title>")
        .Raw("<link rel=\"stylesheet\"").Attr("href", HelpPages.StylePath).Raw(">")
        .Raw("<script defer").Attr("src", HelpPages.ScriptPath).Raw("></script></head><body>");

    public static Html End(Html html) => html.Raw("</main><footer><p>TweetsSoap &middot; <a href=\"/\">all services</a></p></footer></body></html>");
}
