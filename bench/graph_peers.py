#!/usr/bin/python3
"""The same analysis as bench_graph run, in python-igraph or networkx, on the same edge
list. Usage: graph_peers.py igraph|networkx EDGE_FILE. Prints one line per finished step
(flushed), so a run cut short by a timeout still reports what it did."""
import sys
import time


def step(name, fn):
    """Runs fn; prints its wall and process CPU seconds (on a shared machine the CPU time
    is the steadier of the two); returns its result and (wall, cpu)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(f"{name} {dt:.2f} (cpu {dc:.2f})", flush=True)
    return out, (dt, dc)


def run_igraph(path):
    import igraph as ig
    g, _ = step("load", lambda: ig.Graph.Read_Edgelist(path, directed=False))
    # Leiden as Corridor runs it: modularity, resolution 1, beta 0.01, 2 iterations, node
    # weights = degrees. Corridor merges repeated links into one edge weighted by their
    # count; on this multigraph unweighted, that is the same modularity objective.
    comps, a = step("components", g.connected_components)
    _, b = step("pagerank", g.pagerank)
    comm, c = step("leiden", lambda: g.community_leiden(objective_function="modularity", resolution_parameter=1.0,
                                                         beta=0.01, n_iterations=2))
    wall, cpu = a[0] + b[0] + c[0], a[1] + b[1] + c[1]
    print(f"python-igraph nodes {g.vcount()} edges {g.ecount()} components {len(comps)} "
          f"communities {len(comm)} modularity {comm.modularity:.4f} analysis {wall:.2f} (cpu {cpu:.2f})", flush=True)


def run_networkx(path):
    import networkx as nx
    g, _ = step("load", lambda: nx.read_edgelist(path, nodetype=int, create_using=nx.MultiGraph))
    comps, a = step("components", lambda: list(nx.connected_components(g)))
    simple = nx.Graph(g)  # pagerank and louvain want a simple graph
    _, b = step("pagerank", lambda: nx.pagerank(simple))
    comm, c = step("louvain", lambda: nx.community.louvain_communities(simple, seed=1))
    print(f"networkx nodes {g.number_of_nodes()} edges {g.number_of_edges()} components {len(comps)} "
          f"communities {len(comm)} analysis {a[0] + b[0] + c[0]:.2f} (cpu {a[1] + b[1] + c[1]:.2f})", flush=True)


if __name__ == "__main__":
    {"igraph": run_igraph, "networkx": run_networkx}[sys.argv[1]](sys.argv[2])
