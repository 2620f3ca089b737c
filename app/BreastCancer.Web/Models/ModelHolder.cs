namespace BreastCancer.Web.Models;

/// <summary>
/// The model the app serves now: one <see cref="ModelSnapshot"/> behind a volatile reference, empty until
/// <see cref="Start"/> gives it the first (<see cref="ModelStartup"/>, while the app already listens), then replaced whole
/// by <see cref="Swap"/> without a restart, and the snapshots it replaced, newest last, for <see cref="Rollback"/>.
/// Readers take <see cref="Current"/> once per request and never wait; once serving, the holder never empties again, so
/// a request let through because <see cref="IsServing"/> was true always finds a snapshot. A promote and a rollback are
/// serialised.
/// </summary>
public sealed class ModelHolder
{
    private readonly Lock _changes = new();
    private readonly Stack<ModelSnapshot> _replaced = new();
    private volatile ModelSnapshot? _current;

    /// <summary>Whether a model is served; false until <see cref="Start"/>.</summary>
    public bool IsServing => _current is not null;

    /// <summary>The snapshot in use.</summary>
    /// <exception cref="InvalidOperationException">No model is served yet: the request should have been answered 503 before it got here (<see cref="Api.ModelGate"/>).</exception>
    public ModelSnapshot Current => _current ?? throw new InvalidOperationException("no model is served yet: the first one is still being loaded or trained");

    /// <summary>Serves <paramref name="first"/>, the app's first model.</summary>
    /// <exception cref="InvalidOperationException">A model is served already: later ones come through <see cref="Swap"/>.</exception>
    public void Start(ModelSnapshot first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (Interlocked.CompareExchange(ref _current, first, null) is not null)
        {
            throw new InvalidOperationException("the holder serves a model already: replace it with Swap");
        }
    }

    /// <summary>Serves <paramref name="next"/> from now on, remembers the snapshot it replaced for a rollback, and returns that snapshot.</summary>
    public ModelSnapshot Swap(ModelSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_changes)
        {
            var previous = Current;
            _current = next;
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
