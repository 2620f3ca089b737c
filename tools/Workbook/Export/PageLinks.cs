using Workbook.Notebooks;

namespace Workbook.Export;

/// <summary>A neighbour of an exported page: its file name (relative to the page) and its title.</summary>
/// <param name="Href">The file name, e.g. <c>01-data.html</c>.</param>
/// <param name="Title">The notebook's title.</param>
public sealed record PageLink(string Href, string Title)
{
    /// <summary>The link to <paramref name="notebook"/>'s export.</summary>
    public static PageLink To(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return new(notebook.Name + ".html", notebook.Title);
    }
}

/// <summary>The pages an export links to besides the index.</summary>
/// <param name="Previous">The previous notebook of the run, or null for the first.</param>
/// <param name="Next">The next notebook of the run, or null for the last.</param>
public sealed record PageLinks(PageLink? Previous, PageLink? Next);
