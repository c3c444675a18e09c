"""Qt services: device workers in QThreads, the task runner and the inspection controller."""
