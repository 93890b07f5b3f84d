using System;
using System.Threading;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>
    /// Tracks every task of a run (registrations, outputs) and waits until all have finished or
    /// the first one faults, as Deployment.Runner.cs does.
    /// </summary>
    internal sealed class Runner
    {
        private readonly object _lock = new();
        private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pending;
        private Exception? _fault;

        public void Register(Task task)
        {
            Interlocked.Increment(ref _pending);
            task.ContinueWith(OnCompleted, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void OnCompleted(Task task)
        {
            var signal = false;
            if (task.IsFaulted)
            {
                lock (_lock)
                    _fault ??= task.Exception!.InnerExceptions[0];
                signal = true;
            }
            else if (task.IsCanceled)
            {
                lock (_lock)
                    _fault ??= new TaskCanceledException(task);
                signal = true;
            }

            if (Interlocked.Decrement(ref _pending) == 0)
                signal = true;
            if (signal)
                lock (_lock)
                    _signal.TrySetResult();
        }

        /// <summary>Waits for quiet; returns the first fault, if any.</summary>
        public async Task<Exception?> WaitAsync()
        {
            var quietChecks = 0;
            while (true)
            {
                Task signal;
                lock (_lock)
                {
                    if (_fault != null)
                        return _fault;
                    if (_signal.Task.IsCompleted)
                        _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    signal = _signal.Task;
                }

                if (Volatile.Read(ref _pending) == 0)
                {
                    // Completion callbacks may still be about to start new work: look twice.
                    if (++quietChecks > 2)
                        return null;
                    await Task.Yield();
                    continue;
                }

                quietChecks = 0;
                await Task.WhenAny(signal, Task.Delay(200)).ConfigureAwait(false);
            }
        }
    }
}
