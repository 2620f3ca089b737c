namespace BreastCancer.Web.Models;

/// <summary>
/// The model the app serves now: one <see cref="ModelSnapshot"/> behind a volatile reference, replaced whole by
/// <see cref="Swap"/> (a promote or a rollback) without a restart. Readers take <see cref="Current"/> once per request.
/// </summary>
public sealed class ModelHolder
{
    private volatile ModelSnapshot _current;

    /// <summary>A holder serving <paramref name="initial"/>.</summary>
    public ModelHolder(ModelSnapshot initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The snapshot in use.</summary>
    public ModelSnapshot Current => _current;

    /// <summary>Serves <paramref name="next"/> from now on and returns the snapshot it replaced.</summary>
    public ModelSnapshot Swap(ModelSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
