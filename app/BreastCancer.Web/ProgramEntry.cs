/// <summary>The app's entry point (top-level statements in Program.cs), public so that the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
