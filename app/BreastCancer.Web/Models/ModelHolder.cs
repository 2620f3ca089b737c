namespace BreastCancer.Web.Models;

/// <summary>
/// The model the app serves now: one <see cref="ModelSnapshot"/> behind a volatile reference, replaced whole by
/// <see cref="Swap"/> without a restart, and the snapshots it replaced, newest last, for <see cref="Rollback"/>. Readers
/// take <see cref="Current"/> once per request and never wait; a promote and a rollback are serialised.
/// </summary>
public sealed class ModelHolder
{
    private readonly Lock _changes = new();
    private readonly Stack<ModelSnapshot> _replaced = new();
    private volatile ModelSnapshot _current;

    /// <summary>A holder serving <paramref name="initial"/>.</summary>
    public ModelHolder(ModelSnapshot initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The snapshot in use.</summary>
    public ModelSnapshot Current => _current;

    /// <summary>Serves <paramref name="next"/> from now on, remembers the snapshot it replaced for a rollback, and returns that snapshot.</summary>
    public ModelSnapshot Swap(ModelSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_changes)
        {
            var previous = Interlocked.Exchange(ref _current, next);
            _replaced.Push(previous);
            return previous;
        }
    }

    /// <summary>
    /// Serves again the snapshot the last <see cref="Swap"/> replaced, once <paramref name="commit"/> has accepted it (the
    /// caller points the model store back at it there), and returns it; null when nothing was replaced.
    /// </summary>
    public ModelSnapshot? Rollback(Action<ModelSnapshot> commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_changes)
        {
            if (!_replaced.TryPeek(out var previous))
            {
                return null;
            }

            commit(previous);
            _replaced.Pop();
            _current = previous;
            return previous;
        }
    }
}
