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
public sealed record PageLinks(PageLink? Previous, PageLink? Next)
{
    /// <summary>
    /// The links of a notebook run between <paramref name="previous"/> and <paramref name="next"/>: the next one only
    /// when the run <paramref name="goesOn"/> to it (the notebook succeeded, or the run keeps going after a failure).
    /// </summary>
    public static PageLinks Between(NotebookDocument? previous, NotebookDocument? next, bool goesOn) =>
        new(previous is null ? null : PageLink.To(previous), goesOn && next is not null ? PageLink.To(next) : null);
}
