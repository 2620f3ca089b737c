// The runner redirects the console and changes the working directory while a notebook runs, as the kernel's process
// would: tests that run notebooks must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
