import Foundation
import Synchronization

/// Ctrl-C while a command runs: the handler only records it; long commands poll
/// `Interrupt.requested` and stop after their current whole step.
enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  static func install() {
    _ = flag.load(ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
    action.sa_flags = SA_RESTART
    sigemptyset(&action.sa_mask)
    sigaction(SIGINT, &action, nil)
    // A parent may have left SIGINT blocked; Ctrl-C must reach us.
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
  }

  /// Forgets a Ctrl-C pressed before the command started.
  static func reset() { flag.store(false, ordering: .relaxed) }

  static func requested() -> Bool { flag.load(ordering: .relaxed) }
}
