extension Solver {
  /// Grounded labelling: linear (queue of arguments whose attackers are all OUT; O(n+m)).
  /// With assumptions: the listed arguments are fixed to their labels and the least fixpoint is
  /// computed around them (an argument is IN when all attackers are OUT, OUT when some attacker
  /// is IN; fixed ones never change).
  public static func grounded(_ af: AbstractFramework, assuming: [Int: Label] = [:]) -> [Label] {
    let count = af.argumentCount
    // 0 = undecided, then Label.rawValue + 1; fixed arguments are marked in `fixed`.
    var state = [UInt8](repeating: 0, count: count)
    var fixed = [Bool](repeating: false, count: assuming.isEmpty ? 0 : count)
    for (argument, label) in assuming {
      precondition((0..<count).contains(argument), "assumption names no argument")
      state[argument] = label.rawValue + 1
      fixed[argument] = true
    }
    // `live[a]`: attackers of `a` not (yet) OUT.
    var live = [Int32](repeating: 0, count: count)
    var queue = [Int32](repeating: 0, count: count)
    var tail = 0
    let inCode = Label.in.rawValue + 1
    let outCode = Label.out.rawValue + 1
    af.attackerStart.withUnsafeBufferPointer { attackerStart in
      for argument in 0..<count {
        live[argument] = Int32(attackerStart[argument + 1] - attackerStart[argument])
      }
    }
    state.withUnsafeMutableBufferPointer { state in
      live.withUnsafeMutableBufferPointer { live in
        queue.withUnsafeMutableBufferPointer { queue in
          fixed.withUnsafeBufferPointer { fixed in
            // Every argument enters the queue at most once: when it gets its final IN or OUT.
            for argument in 0..<count {
              if fixed.isEmpty || !fixed[argument] {
                if live[argument] == 0 {
                  state[argument] = inCode
                  queue[tail] = Int32(argument)
                  tail += 1
                }
              } else if state[argument] != Label.undec.rawValue + 1 {
                queue[tail] = Int32(argument)
                tail += 1
              }
            }
            af.targetStart.withUnsafeBufferPointer { targetStart in
              af.targetList.withUnsafeBufferPointer { targetList in
                var head = 0
                while head < tail {
                  let argument = Int(queue[head])
                  head += 1
                  let targets = targetStart[argument]..<targetStart[argument + 1]
                  if state[argument] == inCode {
                    for index in targets {
                      let target = Int(targetList[index])
                      if state[target] == 0 {
                        state[target] = outCode
                        queue[tail] = Int32(target)
                        tail += 1
                      }
                    }
                  } else {
                    for index in targets {
                      let target = Int(targetList[index])
                      live[target] -= 1
                      if live[target] == 0 && state[target] == 0 {
                        state[target] = inCode
                        queue[tail] = Int32(target)
                        tail += 1
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return state.map { $0 == 0 ? .undec : Label(rawValue: $0 - 1)! }
  }
}
