using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workbook.Export;

/// <summary>
/// Renders a notebook's Markdown cells with Markdig (CommonMark plus tables, math, footnotes, auto-identified
/// headings), rewriting links to sibling notebooks (<c>02-eda.ipynb</c>) to their exports (<c>02-eda.html</c>), and
/// keeping heading identifiers unique across the page so that the table of contents can link to them.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<Heading> _headings = [];

    /// <summary>The headings of levels 1–3 rendered so far, in order.</summary>
    public IReadOnlyList<Heading> Headings => _headings;

    /// <summary>A heading of the page for the table of contents.</summary>
    /// <param name="Level">1 to 3.</param>
    /// <param name="Id">The element id.</param>
    /// <param name="Text">The heading's plain text.</param>
    public sealed record Heading(int Level, string Id, string Text);

    /// <summary>The HTML of one Markdown cell.</summary>
    public string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = RewriteNotebookLink(link.Url);
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            var id = attributes.Id ?? "section";
            var unique = id;
            for (var n = 2; !_ids.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            attributes.Id = unique;
            if (heading.Level <= 3)
            {
                _headings.Add(new Heading(heading.Level, unique, PlainText(heading.Inline)));
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>A relative link to a notebook (<c>x.ipynb</c>, with or without a fragment) becomes a link to its export.</summary>
    public static string? RewriteNotebookLink(string? url)
    {
        if (url is null || url.Contains("://", StringComparison.Ordinal))
        {
            return url;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        return path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? Path.ChangeExtension(path, ".html") + fragment : url;
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));
}
